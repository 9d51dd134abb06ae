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
