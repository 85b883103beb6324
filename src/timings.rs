//! How long each stage of a build took (`sitrep build --timings`).

use std::time::{Duration, Instant};

/// Stage durations, in the order the stages ran.
#[derive(Debug, Clone)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
    last: Instant,
}

impl Default for Timings {
    fn default() -> Self {
        Timings { stages: Vec::new(), last: Instant::now() }
    }
}

impl Timings {
    /// Starts timing now.
    pub fn start() -> Timings {
        Timings::default()
    }

    /// Records that stage `name` ended now (it began when the previous one ended).
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.stages.push((name, now - self.last));
        self.last = now;
    }

    /// Appends the stages of `other`.
    pub fn extend(&mut self, other: Timings) {
        self.stages.extend(other.stages);
    }

    /// The stages and their durations.
    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }
}
