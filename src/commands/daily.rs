//! `howgood daily --print` and `howgood daily --search`: the daily twenty
//! minutes away from the screens.

use crate::app::daily::{DAILY_FRAMEWORK, DailyQuestion};
use crate::cli::GlobalArgs;
use crate::commands::content::{load_library, user_content_paths};
use crate::commands::sessions::{index_path, open_store, progress};
use crate::index::Index;
use crate::paths;
use crate::safe_io::printable;
use crate::session::model::SessionKind;
use crate::session::store::{OpenSession, SessionStore};
use anyhow::Context;
use jiff::Timestamp;
use jiff::civil::Date;
use std::io::Write;
use std::process::ExitCode;

/// Print today's question for paper. Today's review is started (as the
/// screen starts it) if it was not, so the reflection typed later answers
/// the question printed.
pub fn run_print(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let library = load_library(&user_content_paths(global));
    let store = open_store(global)?;
    let now = Timestamp::now();
    let today = jiff::tz::TimeZone::system().to_datetime(now).date();
    let question = match todays_question(global, &store, today)? {
        Some(question) => question,
        None => start_today(global, &library, &store, today, now)?,
    };
    let area = crate::app::daily::area_title(&library, &question.area);
    let mut out = std::io::stdout().lock();
    writeln!(out, "Daily review, {}", today.strftime("%A %-d %B %Y"))?;
    writeln!(out, "Area: {}", printable(&area))?;
    writeln!(out)?;
    writeln!(out, "{}", printable(&question.question))?;
    writeln!(out)?;
    writeln!(
        out,
        "Twenty minutes, best spent away from the phone and computer. Type what you wrote with `howgood daily`."
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The last question of today's review, if today's review exists.
fn todays_question(
    global: &GlobalArgs,
    store: &SessionStore,
    today: Date,
) -> anyhow::Result<Option<DailyQuestion>> {
    let (index, _) =
        Index::open_current(&index_path(global, store), &store.dir, &mut progress(false))?;
    let zone = jiff::tz::TimeZone::system();
    let Some(entry) = index
        .daily()?
        .into_iter()
        .find(|d| zone.to_datetime(d.created).date() == today)
    else {
        return Ok(None);
    };
    let path = store.path_of(&entry.id);
    let bytes = crate::safe_io::read_regular(&path)
        .with_context(|| format!("today's review ({})", path.display()))?;
    let decoded = crate::session::codec::decode(&bytes)
        .map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))?;
    let question = decoded
        .session
        .items
        .iter()
        .flat_map(|r| &r.questions)
        .rfind(|q| !crate::app::daily::is_free(&q.area))
        .map(|q| DailyQuestion {
            area: q.area.clone(),
            question: q.question.clone(),
        });
    Ok(question)
}

/// Start today's review with the rotation's next question, as the screen
/// would, and keep the rotation's record.
fn start_today(
    global: &GlobalArgs,
    library: &crate::content::library::Library,
    store: &SessionStore,
    today: Date,
    now: Timestamp,
) -> anyhow::Result<DailyQuestion> {
    let data_dir = paths::data_dir(global.data_dir.as_ref())
        .unwrap_or_else(|| crate::session::atomic::parent_dir(&store.dir).to_owned());
    let settings_path = crate::settings::path(&data_dir);
    let mut settings = crate::settings::load(&settings_path).map_err(|problem| {
        anyhow::anyhow!("the settings file is damaged and is left as it is: {problem}")
    })?;
    let pool = crate::app::daily::pool(library, &settings.daily.focus_areas);
    let question =
        crate::app::daily::next_question(&pool, &mut settings.daily).with_context(|| {
            format!(
                "the {DAILY_FRAMEWORK} framework is not loaded, so there are no questions to offer"
            )
        })?;
    let suffix = (crate::session::ids::random_u64() & 0xffff) as u16;
    let session = crate::app::daily::new_session(question.clone(), today, now, suffix);
    OpenSession::create(&store.path_of(&session.id), &session, now)?;
    crate::settings::save(&settings_path, &settings).map_err(anyhow::Error::msg)?;
    Ok(question)
}

/// Past reflections and actions holding every one of `words`.
pub fn run_search(global: &GlobalArgs, words: &[String]) -> anyhow::Result<ExitCode> {
    let store = open_store(global)?;
    let (index, _) = Index::open_current(
        &index_path(global, &store),
        &store.dir,
        &mut progress(false),
    )?;
    // Searched across every session, then narrowed to the daily reviews:
    // the ranking stays FTS5's own.
    let hits: Vec<_> = index
        .search(&words.join(" "), 10_000)?
        .into_iter()
        .filter(|h| h.kind == SessionKind::DailyReview)
        .collect();
    let mut out = std::io::stdout().lock();
    if hits.is_empty() {
        writeln!(out, "nothing found in the daily reviews")?;
        return Ok(ExitCode::from(1));
    }
    for h in &hits {
        writeln!(
            out,
            "{}  {} · {}\n    {}",
            h.session_id,
            printable(&h.title),
            h.field,
            printable(&h.snippet)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The journal, or the days from `from` to `to`, as Markdown.
pub fn run_export(
    global: &GlobalArgs,
    from: Option<Date>,
    to: Option<Date>,
    output: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        anyhow::bail!("--from {f} is after --to {t}");
    }
    let library = load_library(&user_content_paths(global));
    let store = open_store(global)?;
    let zone = jiff::tz::TimeZone::system();
    let days: Vec<(Date, crate::session::model::Session)> = store
        .entries()?
        .into_iter()
        .filter_map(|e| e.state.ok())
        .map(|d| d.session)
        .filter(|s| s.kind == SessionKind::DailyReview)
        .map(|s| (zone.to_datetime(s.created).date(), s))
        .collect();
    let text = crate::export::journal::journal_markdown(&library, &days, from, to);
    crate::commands::export::write_output(global, output, "daily-reviews.md", text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
