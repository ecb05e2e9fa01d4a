//! A sliding-window rate limiter, the pure part of the limiter for sending
//! at scale (#13): at most `limit` requests *start* in any `window_ms`
//! window, the strictest reading of "500 requests per minute". A request
//! that would exceed it is told how long to wait before asking again; a
//! server's `Retry-After` pauses the window. The transport's `rateLimit`
//! option ([`super::rate`]) and `memoryStore()` use it; a Redis or Durable
//! Object store keeps the same window elsewhere.

use std::collections::VecDeque;

/// The starts of the last window, oldest first.
#[derive(Clone, Debug)]
pub struct Window {
    limit: usize,
    window_ms: f64,
    starts: VecDeque<f64>,
    paused_until: f64,
}

/// What [`Window::take`] decided.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Take {
    /// Start now (the start has been counted).
    Go,
    /// Ask again after this many milliseconds.
    Wait(f64),
}

impl Window {
    /// A window of `limit` starts per `window_ms`; `None` unless both are at
    /// least 1 (and finite).
    pub fn new(limit: f64, window_ms: f64) -> Option<Window> {
        let ok = |v: f64| v.is_finite() && v >= 1.0 && v.fract() == 0.0 && v <= 1e9;
        if !ok(limit) || !ok(window_ms) {
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let limit = limit as usize;
        Some(Window { limit, window_ms, starts: VecDeque::with_capacity(limit.min(1024)), paused_until: 0.0 })
    }

    /// A window as a server will see it: each start holds its slot a little
    /// longer than `window_ms` (1 %, from 50 ms to 1 s), because a request
    /// reaches the server later than it starts here, and the next one may
    /// travel faster. Without the margin a limiter exactly at the budget
    /// meets 429s.
    pub fn for_server(limit: f64, window_ms: f64) -> Option<Window> {
        let margin = (window_ms * 0.01).clamp(50.0, 1000.0);
        Window::new(limit, window_ms).map(|w| Window { window_ms: window_ms + margin, ..w })
    }

    /// The window's length, margin included.
    pub fn window_ms(&self) -> f64 {
        self.window_ms
    }

    /// Ask to start a request at `now` (milliseconds on any monotonic clock).
    pub fn take(&mut self, now: f64) -> Take {
        if now < self.paused_until {
            return Take::Wait(self.paused_until - now);
        }
        // A start at `t` counts while `now < t + window`.
        while self.starts.front().is_some_and(|t| *t + self.window_ms <= now) {
            self.starts.pop_front();
        }
        if self.starts.len() < self.limit {
            self.starts.push_back(now);
            return Take::Go;
        }
        match self.starts.front() {
            Some(oldest) => Take::Wait((oldest + self.window_ms - now).max(0.0)),
            None => Take::Go,
        }
    }

    /// Start nothing before `until` (a server's `Retry-After`).
    pub fn pause_until(&mut self, until: f64) {
        if until > self.paused_until {
            self.paused_until = until;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_windows() {
        for (l, w) in [(0.0, 1000.0), (5.0, 0.0), (1.5, 1000.0), (f64::NAN, 1.0), (5.0, f64::INFINITY)] {
            assert!(Window::new(l, w).is_none(), "{l} {w}");
        }
    }

    #[test]
    fn at_most_limit_starts_in_any_window() {
        let mut w = Window::new(3.0, 1000.0).unwrap();
        assert_eq!(w.take(0.0), Take::Go);
        assert_eq!(w.take(10.0), Take::Go);
        assert_eq!(w.take(20.0), Take::Go);
        assert_eq!(w.take(30.0), Take::Wait(970.0), "the oldest start leaves the window at 1000");
        assert_eq!(w.take(999.0), Take::Wait(1.0));
        assert_eq!(w.take(1000.0), Take::Go);
        assert_eq!(w.take(1000.0), Take::Wait(10.0));
    }

    /// Many callers asking at pseudo-random times, each waiting as told:
    /// no window of `window_ms` ever holds more than `limit` starts, and the
    /// budget is used (the starts are not spread thinner than needed).
    #[test]
    fn a_busy_window_never_overflows() {
        let (limit, window) = (20usize, 2000.0);
        let mut w = Window::new(20.0, window).unwrap();
        let mut seed = 0x2545_f491_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut asks: Vec<f64> = (0..200).map(|_| (next() % 5000) as f64).collect();
        let mut starts = Vec::new();
        while let Some(i) = asks.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).map(|(i, _)| i) {
            let now = asks[i];
            match w.take(now) {
                Take::Go => {
                    starts.push(now);
                    asks.swap_remove(i);
                }
                Take::Wait(ms) => asks[i] = now + ms,
            }
        }
        assert_eq!(starts.len(), 200);
        for (i, t) in starts.iter().enumerate() {
            let in_window = starts[i..].iter().take_while(|s| **s < t + window).count();
            assert!(in_window <= limit, "{in_window} starts in the window from {t}");
        }
        let span = starts.last().unwrap() - starts.first().unwrap();
        assert!(span <= 9.0 * window + 5000.0, "200 starts at 20 per window take about 9 windows, took {span}");
    }

    #[test]
    fn retry_after_pauses_the_window() {
        let mut w = Window::new(100.0, 1000.0).unwrap();
        assert_eq!(w.take(0.0), Take::Go);
        w.pause_until(500.0);
        w.pause_until(100.0);
        assert_eq!(w.take(10.0), Take::Wait(490.0), "the later pause wins");
        assert_eq!(w.take(500.0), Take::Go);
    }

    #[test]
    fn a_server_window_keeps_a_margin() {
        let mut w = Window::for_server(1.0, 1000.0).unwrap();
        assert_eq!(w.take(0.0), Take::Go);
        assert_eq!(w.take(1000.0), Take::Wait(50.0));
        let mut minute = Window::for_server(1.0, 60_000.0).unwrap();
        assert_eq!(minute.take(0.0), Take::Go);
        assert_eq!(minute.take(60_000.0), Take::Wait(600.0), "1 % of a minute");
        let mut hour = Window::for_server(1.0, 3_600_000.0).unwrap();
        assert_eq!(hour.take(0.0), Take::Go);
        assert_eq!(hour.take(3_600_000.0), Take::Wait(1000.0), "at most 1 s");
    }
}
