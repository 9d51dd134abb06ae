//! Deadlines and milestones as an iCalendar file that Outlook, Google and
//! Apple calendars import: one all-day VEVENT per dated action (Outlook
//! ignores VTODO on import). Each event's UID is derived from the action's
//! stable id, so importing a later export updates the event rather than
//! duplicating it, and DTSTAMP comes from the data, not the clock, so the
//! same data always gives the same file.

use crate::session::register::ActionRow;
use icalendar::{Calendar, Component, Event, Property};
use jiff::civil::Date;

/// The UID of an action's event: the same across exports.
pub fn uid(row: &ActionRow) -> String {
    format!("{}-{}@howgood", row.session_id, row.id)
}

fn ical_date(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// When the action last changed, as far as the data says: its last
/// update, else the day its session was held.
fn stamp(row: &ActionRow) -> String {
    let day = row
        .last_update()
        .map(|l| l.update.date)
        .into_iter()
        .chain(row.done_on)
        .chain([row.session_date])
        .max()
        .unwrap_or(row.session_date);
    format!("{}T000000Z", ical_date(day))
}

fn all_day(key: &str, date: Date) -> Property {
    let mut property = Property::new(key, ical_date(date));
    property.add_parameter("VALUE", "DATE");
    property
}

fn event(row: &ActionRow, due: Date) -> Event {
    let what = match row.kind {
        crate::session::register::ActionKind::Milestone => "Milestone",
        crate::session::register::ActionKind::Priority => "Priority due",
        crate::session::register::ActionKind::AgreedAction => "Agreed action due",
        crate::session::register::ActionKind::DailyAction => "Action due",
    };
    let text = row.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut description = format!(
        "{}\nOwner: {}\nStatus: {}\nFrom: {} ({})",
        row.text,
        if row.owner.is_empty() {
            "—"
        } else {
            &row.owner
        },
        row.status.label(),
        row.session_title,
        row.session_date
    );
    if !row.items.is_empty() {
        description.push_str(&format!("\nServes: {}", row.items.join(", ")));
    }
    // RFC 5545: an all-day event ends (exclusively) on the next day.
    let next = due.tomorrow().unwrap_or(due);
    Event::new()
        .uid(&uid(row))
        .add_property("DTSTAMP", stamp(row))
        .append_property(all_day("DTSTART", due))
        .append_property(all_day("DTEND", next))
        .summary(&format!("{what}: {text}"))
        .description(&description)
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}

/// Every dated action as an all-day event; undated ones have no place in
/// a calendar and are left out.
pub fn actions_calendar(rows: &[ActionRow], name: &str) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//howgood//howgood//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name(name);
    for row in rows {
        if let Some(due) = row.due {
            calendar.push(event(row, due));
        }
    }
    calendar.done().to_string()
}
