//! The phase timer: a countdown that runs from the injected clock, can be
//! paused and given more time, and goes past zero without stopping anyone.

use jiff::{SignedDuration, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    /// Time given, including minutes added.
    pub budget: SignedDuration,
    /// Time used while running, up to `running_since`.
    pub used: SignedDuration,
    /// When it was last started; `None` while paused.
    pub running_since: Option<Timestamp>,
}

impl Timer {
    /// A timer of `minutes`, running from `now`.
    pub fn start(minutes: u32, now: Timestamp) -> Timer {
        Timer {
            budget: SignedDuration::from_mins(i64::from(minutes)),
            used: SignedDuration::ZERO,
            running_since: Some(now),
        }
    }

    pub fn elapsed(&self, now: Timestamp) -> SignedDuration {
        let running = self.running_since.map_or(SignedDuration::ZERO, |since| {
            now.duration_since(since).max(SignedDuration::ZERO)
        });
        self.used + running
    }

    /// Time left; negative once the time is up.
    pub fn remaining(&self, now: Timestamp) -> SignedDuration {
        self.budget - self.elapsed(now)
    }

    pub fn is_up(&self, now: Timestamp) -> bool {
        self.remaining(now) <= SignedDuration::ZERO
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// A timer carried on from an earlier visit: `used` already gone and
    /// `added` minutes given (or taken, if negative), running from `now`.
    pub fn carried(minutes: u32, added: i64, used: SignedDuration, now: Timestamp) -> Timer {
        Timer {
            budget: SignedDuration::from_mins(i64::from(minutes) + added),
            used,
            running_since: Some(now),
        }
    }

    /// Minutes added beyond the phase's own `minutes`.
    pub fn added_minutes(&self, minutes: u32) -> i64 {
        self.budget.as_mins() - i64::from(minutes)
    }

    /// Take a minute back, never below one minute in all.
    pub fn remove_minute(&mut self) {
        if self.budget > SignedDuration::from_mins(1) {
            self.budget -= SignedDuration::from_mins(1);
        }
    }

    /// "mm:ss" left, or past zero the whole minutes over: "3 min over"
    /// (a fact for the facilitator, never a block).
    pub fn shown(&self, now: Timestamp) -> String {
        let over = -self.remaining(now);
        if over >= SignedDuration::from_mins(1) {
            format!("{} min over", over.as_mins())
        } else {
            self.display(now)
        }
    }

    pub fn add_minute(&mut self) {
        self.budget += SignedDuration::from_mins(1);
    }

    pub fn pause(&mut self, now: Timestamp) {
        if self.running_since.is_some() {
            self.used = self.elapsed(now);
            self.running_since = None;
        }
    }

    pub fn resume(&mut self, now: Timestamp) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn toggle(&mut self, now: Timestamp) {
        if self.is_running() {
            self.pause(now);
        } else {
            self.resume(now);
        }
    }

    /// "mm:ss" left; "00:00" once the time is up (the overrun is not a
    /// count of failure).
    pub fn display(&self, now: Timestamp) -> String {
        let left = self.remaining(now).max(SignedDuration::ZERO);
        // Round up, so "00:00" only shows when the time really is up.
        let seconds = (left.as_millis() + 999) / 1000;
        format!("{:02}:{:02}", seconds / 60, seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + seconds).expect("timestamp")
    }

    #[test]
    fn it_counts_down_from_the_injected_clock() {
        let timer = Timer::start(20, at(0));
        assert_eq!(timer.display(at(0)), "20:00");
        assert_eq!(timer.display(at(1)), "19:59");
        assert_eq!(timer.display(at(19 * 60 + 30)), "00:30");
        assert!(!timer.is_up(at(19 * 60 + 59)));
        assert!(timer.is_up(at(20 * 60)));
        assert_eq!(
            timer.display(at(25 * 60)),
            "00:00",
            "past zero it stays at zero"
        );
        assert_eq!(timer.remaining(at(25 * 60)), SignedDuration::from_mins(-5));
    }

    #[test]
    fn past_zero_it_counts_the_minutes_over() {
        let timer = Timer::start(20, at(0));
        assert_eq!(timer.shown(at(19 * 60)), "01:00");
        assert_eq!(timer.shown(at(20 * 60 + 59)), "00:00");
        assert_eq!(timer.shown(at(23 * 60 + 10)), "3 min over");
    }

    #[test]
    fn a_carried_timer_goes_on_from_where_it_was() {
        let timer = Timer::carried(20, 2, SignedDuration::from_mins(5), at(0));
        assert_eq!(timer.shown(at(0)), "17:00");
        assert_eq!(timer.added_minutes(20), 2);
    }

    #[test]
    fn a_minute_can_be_added_even_after_zero() {
        let mut timer = Timer::start(1, at(0));
        assert!(timer.is_up(at(90)));
        timer.add_minute();
        assert!(!timer.is_up(at(90)));
        assert_eq!(timer.display(at(90)), "00:30");
    }

    #[test]
    fn pausing_stops_the_clock_and_resuming_goes_on_from_there() {
        let mut timer = Timer::start(10, at(0));
        timer.pause(at(60));
        assert_eq!(
            timer.display(at(600)),
            "09:00",
            "no time passes while paused"
        );
        timer.resume(at(600));
        assert_eq!(timer.display(at(660)), "08:00");
        timer.toggle(at(660));
        assert!(!timer.is_running());
        timer.toggle(at(700));
        assert!(timer.is_running());
    }
}
