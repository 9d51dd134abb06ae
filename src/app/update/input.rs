//! Input: keys, pastes and the mouse, routed to the editor, the palette,
//! a form, or a command.

use super::*;

pub(super) fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    // Ctrl-C quits the same way in a field as outside it: the field's
    // words are kept and saved first (Quit closes the editor).
    if key.code == KeyCode::Char('c')
        && key
            .modifiers
            .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
    {
        return run(app, Command::Quit, effects);
    }
    // Nothing acts unseen behind the too-small notice: only quit and help.
    if crate::app::view::is_too_small(app.size) {
        if let Some(command) = keys::too_small_command(app, key) {
            run(app, command, effects);
        }
        return;
    }
    match keys::context(app) {
        Context::Editor => return editor_key(app, key, effects),
        Context::Palette => return palette_key(app, key, effects),
        Context::Ask => return ask_key(app, key, effects),
        Context::Form(field) if form_takes_key(field, key) => return form_key(app, key),
        Context::ReviewNote if cycle::review_takes_key(key) => return cycle::review_key(app, key),
        Context::RegisterUpdate(field) if cycle::update_form_takes_key(field, key) => {
            return cycle::update_form_key(app, key);
        }
        _ => {}
    }
    if let Some(command) = keys::command_for(app, key) {
        run(app, command, effects);
    }
}

pub(super) fn editor_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    let Some(editor) = ws.editor.as_mut() else {
        return;
    };
    match editor.input(key) {
        // Dates are stored when the field is finished: half-typed dates
        // are not dates, and must not clear the one already there.
        EditorOutcome::Changed if editor.field.is_date() => {}
        EditorOutcome::Changed => {
            if editor.store(&mut ws.session) {
                touch(ws, now);
            }
        }
        EditorOutcome::Unchanged => {}
        EditorOutcome::Close => {
            close_editor(app, effects);
        }
    }
}

pub(super) fn close_editor(app: &mut App, effects: &mut Vec<Effect>) {
    let now = app.now;
    let today = app.today();
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if let Some(editor) = ws.editor.as_mut()
        && editor.field.is_date()
    {
        let before = crate::app::fields::get_text(&ws.session, &editor.field);
        let refused_before = editor.error.clone();
        if editor.store(&mut ws.session) {
            if before != crate::app::fields::get_text(&ws.session, &editor.field) {
                touch(ws, now);
            }
        } else if editor.error != refused_before {
            // A date that does not parse keeps the field open with what
            // was typed, saying why; closing again leaves the date as it was.
            app.notice = editor.error.clone();
            return;
        }
    }
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if let Some(editor) = ws.editor.take() {
        if let Some(error) = &editor.error {
            app.notice = Some(format!("{error}; the previous value is kept"));
        } else if let crate::app::fields::TextField::PriorityDeadline(p) = editor.field
            && let Some(date) = ws.session.priorities.get(p).and_then(|p| p.deadline)
            && date < today
        {
            app.notice = Some(crate::app::text::deadline_past(date));
        }
    }
    if let Some(ws) = app.workspace_mut() {
        ws.editor = None;
    }
    // A committed field is saved at once.
    save_now(app, effects);
    keep_cursor_visible(app);
}

pub(super) fn on_paste(app: &mut App, text: &str) {
    let now = app.now;
    match &mut app.screen {
        Screen::Session(ws) => {
            if let Some(editor) = ws.editor.as_mut() {
                let (outcome, truncated) = editor.paste(text);
                if outcome == EditorOutcome::Changed
                    && !editor.field.is_date()
                    && editor.store(&mut ws.session)
                {
                    touch(ws, now);
                }
                if truncated {
                    app.notice = Some(format!(
                        "The paste was longer than {} characters; only the first part was inserted",
                        crate::app::editor::MAX_PASTE_CHARS
                    ));
                }
            } else {
                app.notice = Some("To paste, open a field with Enter first".into());
            }
        }
        Screen::NewSession(form) => {
            let clean = crate::app::editor::normalise_paste(text, true);
            match form.field {
                FormField::Title => {
                    form.title.insert_str(clean);
                }
                FormField::Participants => {
                    form.participants.insert_str(clean);
                }
                FormField::Items => {
                    form.filter.insert_str(clean);
                    form.cursor = 0;
                }
                _ => {}
            }
        }
        Screen::Register(_) => cycle::register_paste(app, text),
        Screen::Home
        | Screen::History { .. }
        | Screen::Trends(_)
        | Screen::Measures
        | Screen::OwnContent(_) => {}
    }
    if let Some(Overlay::Ask(ask)) = &mut app.overlay {
        ask_paste(ask, text);
    }
    if let Some(Overlay::Palette(palette)) = &mut app.overlay {
        palette
            .query
            .insert_str(crate::app::editor::normalise_paste(text, true));
        palette.refresh();
    }
}

pub(super) fn on_mouse(
    app: &mut App,
    mouse: ratatui::crossterm::event::MouseEvent,
    effects: &mut Vec<Effect>,
) {
    if app.overlay.is_some() {
        match mouse.kind {
            MouseEventKind::ScrollDown => run(app, Command::Down, effects),
            MouseEventKind::ScrollUp => run(app, Command::Up, effects),
            _ => {}
        }
        return;
    }
    let (column, row) = (mouse.column, mouse.row);
    let view = app.workspace().map(|ws| SessionView::of(app, ws));
    let (reference_pane, record_pane) = view
        .as_ref()
        .map_or(Default::default(), |v| (v.reference, v.record));
    let over_reference = reference_pane.contains((column, row).into());
    let over_record = record_pane.contains((column, row).into());
    match &mut app.screen {
        Screen::Session(ws) if ws.editor.is_none() => match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                if over_reference {
                    ws.focus = Pane::Reference;
                } else if over_record {
                    ws.focus = Pane::Record;
                }
                run(app, if down { Command::Down } else { Command::Up }, effects);
            }
            MouseEventKind::Down(MouseButton::Left) if over_record => {
                ws.focus = Pane::Record;
                let target = (row - record_pane.y).saturating_sub(1) as usize + ws.record_scroll;
                let row_list = rows::rows(&app.library, ws, app.present);
                let heights = view
                    .as_ref()
                    .map(|v| v.row_heights(&app.library, ws, &row_list))
                    .unwrap_or_default();
                let mut line = 0;
                for (index, (r, &height)) in row_list.iter().zip(&heights).enumerate() {
                    if target < line + height {
                        if r.is_selectable() {
                            ws.record_cursor = index;
                        }
                        break;
                    }
                    line += height;
                }
            }
            MouseEventKind::Down(MouseButton::Left) if over_reference => {
                ws.focus = Pane::Reference;
            }
            _ => {}
        },
        Screen::Home => match mouse.kind {
            MouseEventKind::ScrollDown => run(app, Command::Down, effects),
            MouseEventKind::ScrollUp => run(app, Command::Up, effects),
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(index) = crate::app::view::home_row_at(
                    app.size,
                    app.home.cursor,
                    app.home.row_count(),
                    row,
                ) {
                    app.home.cursor = index;
                }
            }
            _ => {}
        },
        _ => {}
    }
}

pub(super) fn palette_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(Overlay::Palette(palette)) = &mut app.overlay else {
        return;
    };
    if key.code == KeyCode::Char('t')
        && key
            .modifiers
            .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
    {
        return track_from_palette(app, effects);
    }
    match key.code {
        KeyCode::Esc => app.overlay = None,
        KeyCode::Up => palette.cursor = palette.cursor.saturating_sub(1),
        KeyCode::Down => {
            if palette.cursor + 1 < palette.hits.len() {
                palette.cursor += 1;
            }
        }
        KeyCode::Enter => {
            let Some(entry) = palette.selected().cloned() else {
                return;
            };
            app.overlay = None;
            match entry.target {
                Target::Session { item, phase } => {
                    session_command(
                        app,
                        Command::GoTo {
                            item,
                            phase,
                            row: 0,
                        },
                        effects,
                    );
                }
                Target::Summary => session_command(app, Command::Summary, effects),
                Target::Content { framework, item } => {
                    let shown = app
                        .library
                        .framework(&framework)
                        .and_then(|f| text::item(&app.library, f, &item, 76));
                    app.overlay = Some(Overlay::Reader {
                        title: format!("{framework} {item}"),
                        text: shown.unwrap_or_else(|| entry.text.clone()),
                        scroll: 0,
                    });
                }
            }
        }
        _ => {
            if palette.query.input(key) {
                palette.refresh();
            }
        }
    }
}
