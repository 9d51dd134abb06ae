//! The new-session form.

use super::widgets::footer;
use crate::app::App;
use crate::app::home::{FormField, NewSessionForm};
use crate::app::lines::wrap_text;
use crate::app::text;
use crate::app::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

fn field_line(
    label: &str,
    value: Vec<Span<'static>>,
    focused: bool,
    theme: Theme,
) -> Line<'static> {
    let mark = if focused { "› " } else { "  " };
    let mut spans = vec![
        Span::styled(mark, theme.key()),
        Span::styled(
            format!("{label:<13}"),
            if focused {
                theme.heading()
            } else {
                theme.label()
            },
        ),
    ];
    spans.extend(value);
    Line::from(spans)
}

pub fn render(frame: &mut Frame, app: &App, form: &NewSessionForm, theme: Theme) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let [title, fields, items, create, error, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(9),
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(" New session", theme.title())),
        title,
    );
    let framework = app.library.frameworks.get(form.framework).map(|(f, _)| f);
    let choice = |text: String| {
        vec![
            Span::raw("‹ "),
            Span::styled(text, theme.title()),
            Span::raw(" ›"),
        ]
    };
    let input = |text: String, placeholder: &str, focused: bool| {
        if text.is_empty() {
            vec![
                Span::styled(placeholder.to_owned(), theme.dim()),
                Span::styled(if focused { "▏" } else { "" }, theme.key()),
            ]
        } else {
            vec![
                Span::raw(text),
                Span::styled(if focused { "▏" } else { "" }, theme.key()),
            ]
        }
    };
    let mut lines = vec![
        field_line(
            "Kind",
            choice(form.kind.label().to_owned()),
            form.field == FormField::Kind,
            theme,
        ),
        field_line(
            "Title",
            input(
                NewSessionForm::text(&form.title),
                "e.g. Neglect: multi-agency self-evaluation",
                form.field == FormField::Title,
            ),
            form.field == FormField::Title,
            theme,
        ),
        field_line(
            "Framework",
            choice(framework.map_or("(none loaded)".into(), |f| {
                format!("{} [{}]", f.short_title, f.id)
            })),
            form.field == FormField::Framework,
            theme,
        ),
    ];
    if form.chooses_standard(&app.library) {
        lines.push(field_line(
            FormField::Standard.label(),
            choice(crate::app::text::standard_label(form.standard).to_owned()),
            form.field == FormField::Standard,
            theme,
        ));
    }
    let text_line = |field: FormField, area: &ratatui_textarea::TextArea<'_>, hint: &str| {
        let focused = form.field == field;
        let value = input(NewSessionForm::text(area), hint, focused);
        field_line(field.label(), value, focused, theme)
    };
    if form.kind == crate::session::model::SessionKind::Supervision {
        // Its own people, with the privacy hint: the record may be shared.
        let people = text::supervision::PLACEHOLDER_PEOPLE;
        lines.push(text_line(FormField::Supervisee, &form.supervisee, people));
        lines.push(text_line(FormField::Supervisor, &form.supervisor, people));
        lines.push(Line::from(Span::styled(
            format!("{:15}{}", "", text::supervision::PEOPLE_HINT.0),
            theme.dim(),
        )));
    } else {
        lines.push(text_line(
            FormField::Participants,
            &form.participants,
            "optional: Police, Health, Education",
        ));
        lines.push(text_line(
            FormField::Facilitator,
            &form.facilitator,
            text::PLACEHOLDER_FACILITATOR,
        ));
        lines.push(text_line(
            FormField::Locality,
            &form.locality,
            text::PLACEHOLDER_LOCALITY,
        ));
    }
    lines.push(field_line(
        "Follows",
        choice(follows_label(app, form)),
        form.field == FormField::Follows,
        theme,
    ));
    lines.push(text_line(
        FormField::NextDue,
        &form.next_due,
        text::NEXT_DUE_HINT,
    ));
    frame.render_widget(Paragraph::new(lines), fields);
    let create_line = field_line(
        "",
        vec![Span::styled(
            format!("[ Create the session with {} chosen ]", form.chosen.len()),
            if form.field == FormField::Create {
                theme.selected()
            } else {
                theme.key()
            },
        )],
        form.field == FormField::Create,
        theme,
    );
    frame.render_widget(Paragraph::new(create_line), create);

    let focused = form.field == FormField::Items;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(if form.chosen.is_empty() {
            " Cover: choose a few well-chosen items ".to_owned()
        } else {
            format!(
                " Cover: {} chosen: {} ",
                form.chosen.len(),
                form.chosen.join(", ")
            )
        });
    let inner = block.inner(items);
    frame.render_widget(block, items);
    let [filter_line, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(
            [
                vec![Span::styled("Filter: ", theme.label())],
                input(
                    NewSessionForm::text(&form.filter),
                    "type to filter",
                    focused,
                ),
            ]
            .concat(),
        )),
        filter_line,
    );
    let candidates = form.candidates(&app.library);
    let view = usize::from(list.height).max(1);
    let skip = form.cursor.saturating_sub(view - 1);
    let width = usize::from(list.width).saturating_sub(6).max(8);
    let mut lines = Vec::new();
    for (index, candidate) in candidates.iter().enumerate().skip(skip).take(view) {
        let chosen = form.chosen.contains(&candidate.id);
        let selected = focused && index == form.cursor;
        let mark = if chosen { "[x] " } else { "[ ] " };
        let label: String = wrap_text(&candidate.label, width, "", "")
            .into_iter()
            .next()
            .unwrap_or_default();
        let mut spans = vec![
            Span::styled(if selected { "› " } else { "  " }, theme.key()),
            Span::raw(mark),
        ];
        for (i, c) in label.chars().enumerate() {
            let style = if candidate.matched.contains(&i) {
                theme.matched()
            } else {
                theme.text()
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        let line = Line::from(spans);
        lines.push(if selected {
            line.style(theme.selected())
        } else {
            line
        });
    }
    if candidates.is_empty() {
        lines.push(Line::from(Span::styled(
            "  nothing matches the filter",
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(message) = &form.error {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" ! {message}"), theme.error())),
            error,
        );
    }
    footer(frame, app, foot, theme);
}

/// The earlier session chosen to follow up, or how to choose one.
fn follows_label(app: &App, form: &NewSessionForm) -> String {
    let candidates = form.follow_candidates(&app.library, &app.home.data.sessions);
    match &form.follows {
        Some(id) => candidates
            .iter()
            .find(|s| s.id == *id)
            .map_or_else(|| id.clone(), |s| format!("{} [{}]", s.title, s.id)),
        None if candidates.is_empty() => "none (no earlier session of this framework)".into(),
        None => format!("none ({} earlier to choose from: ←/→)", candidates.len()),
    }
}
