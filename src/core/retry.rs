//! Retry policy: which failures are retried, how long to wait, and how a
//! server's `Retry-After` is honoured. Pure functions, tested natively.

/// First backoff delay.
pub const INITIAL_DELAY_MS: f64 = 500.0;
/// Longest backoff delay, and the longest `Retry-After` the client will wait
/// for: a longer one ends the call at once with `retryAfterMs` set.
pub const MAX_DELAY_MS: u64 = 8_000;
/// Most retries a caller may ask for.
pub const MAX_RETRIES_LIMIT: u32 = 10;

/// Whether an HTTP status is worth retrying (for idempotent requests).
pub const fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500..=599)
}

/// Exponential backoff with jitter for the `retry`-th retry (0-based):
/// 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s…, each reduced by up to 25 % at random.
/// `random` is in `[0, 1)`.
pub fn backoff_ms(retry: u32, random: f64) -> u64 {
    let exp = INITIAL_DELAY_MS * 2f64.powi(i32::try_from(retry.min(16)).unwrap_or(16));
    #[allow(clippy::cast_precision_loss)]
    let capped = exp.min(MAX_DELAY_MS as f64);
    let jitter = 1.0 - 0.25 * random.clamp(0.0, 1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = (capped * jitter).round() as u64;
    ms
}

/// What to do after a retryable failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Wait this many milliseconds (0: at once), then try again.
    RetryAfter(u64),
    /// Stop: retries are spent, or the server asked for a longer wait than the cap.
    GiveUp,
}

/// Decide whether to retry after `retries_done` retries, given the server's
/// `Retry-After` (already parsed to milliseconds, if valid).
pub fn decide(retries_done: u32, max_retries: u32, retry_after_ms: Option<u64>, random: f64) -> Decision {
    if retries_done >= max_retries {
        return Decision::GiveUp;
    }
    match retry_after_ms {
        Some(ms) if ms > MAX_DELAY_MS => Decision::GiveUp,
        Some(ms) => Decision::RetryAfter(ms),
        None => Decision::RetryAfter(backoff_ms(retries_done, random)),
    }
}

/// Parse a `Retry-After` value: delay-seconds (`"0"`, `"2"`, `"1.5"`) or an
/// HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`). A date in the past means
/// "now" (0). Negative numbers and garbage yield `None` (use the backoff).
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_seconds_ms(v);
    }
    let at_ms = parse_http_date(v)?;
    let delta = at_ms - now_ms;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some(if delta > 0.0 { delta.ceil() as u64 } else { 0 })
}

/// `"2"` → 2000, `"1.5"` → 1500, `"0.0001"` → 1 (rounded up). Integer math
/// only (float parsing would add kilobytes to the module). `None` if malformed.
fn parse_seconds_ms(v: &str) -> Option<u64> {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if int.is_empty() || frac.contains('.') || (v.contains('.') && frac.is_empty()) {
        return None;
    }
    let secs: u64 = int.parse().ok()?;
    let mut ms: u64 = 0;
    let mut scale = 100;
    let mut round_up = false;
    for d in frac.bytes() {
        let digit = u64::from(d - b'0');
        if scale > 0 {
            ms += digit * scale;
            scale /= 10;
        } else if digit > 0 {
            round_up = true;
        }
    }
    secs.checked_mul(1000)?.checked_add(ms + u64::from(round_up))
}

/// Parse an HTTP date in any of the three forms RFC 9110 §5.6.7 requires a
/// recipient to accept: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, also
/// without the weekday), the obsolete RFC 850 form (`Sunday, 06-Nov-94
/// 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`). Returns
/// milliseconds since the Unix epoch.
pub fn parse_http_date(s: &str) -> Option<f64> {
    let dmy = match s.split_once(',') {
        Some((_weekday, rest)) => rest.trim(),
        None => s.trim(),
    };
    let mut words = dmy.split_whitespace();
    if words.next()?.bytes().all(|b| b.is_ascii_alphabetic()) {
        // asctime: weekday month day hh:mm:ss year
        let month = month_number(words.next()?)?;
        let day = words.next()?.parse().ok()?;
        let hms = words.next()?;
        let year = words.next()?.parse().ok()?;
        if words.next().is_some() {
            return None;
        }
        return epoch_ms(year, month, day, hms);
    }
    let mut parts = dmy.split([' ', '-']).filter(|p| !p.is_empty());
    let day: u32 = parts.next()?.parse().ok()?;
    let month = month_number(parts.next()?)?;
    let mut year: i64 = parts.next()?.parse().ok()?;
    if year < 100 {
        year += if year < 70 { 2000 } else { 1900 };
    }
    let hms = parts.next()?;
    if !matches!(parts.next(), Some("GMT" | "UTC")) || parts.next().is_some() {
        return None;
    }
    epoch_ms(year, month, day, hms)
}

/// A UTC date and `hh:mm:ss` as milliseconds since the epoch, range-checked.
fn epoch_ms(year: i64, month: u32, day: u32, hms: &str) -> Option<f64> {
    let mut hms = hms.split(':');
    let h: u32 = hms.next()?.parse().ok()?;
    let m: u32 = hms.next()?.parse().ok()?;
    let sec: u32 = hms.next()?.parse().ok()?;
    // Years past 9999 are no HTTP-date (and would overflow the day count).
    if hms.next().is_some() || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 || !(0..=9999).contains(&year) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    #[allow(clippy::cast_precision_loss)]
    Some((days * 86_400 + i64::from(h * 3600 + m * 60 + sec)) as f64 * 1000.0)
}

fn month_number(m: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = m.to_ascii_lowercase();
    MONTHS.iter().position(|x| *x == lower).and_then(|i| u32::try_from(i + 1).ok())
}

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether a network failure's description (`String(e)` plus its cause's
/// code) proves the request never reached the server: the connection was
/// refused, or the host name did not resolve. Node/undici says
/// `ECONNREFUSED`/`ENOTFOUND`, Bun `ConnectionRefused`, Deno and workerd
/// `Connection refused`. A reset or a timeout proves nothing.
pub fn proves_unsent(description: &str) -> bool {
    ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ConnectionRefused", "Connection refused", "connection refused"]
        .iter()
        .any(|m| description.contains(m))
}

/// Whether a network failure is the runtime refusing the request itself
/// (Deno without `--allow-net`): sending it again cannot succeed.
pub fn denied_by_runtime(description: &str) -> bool {
    ["NotCapable", "PermissionDenied: Requires net access", "Requires net access"]
        .iter()
        .any(|m| description.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_statuses() {
        for s in [408, 429, 500, 502, 503, 504, 599] {
            assert!(is_retryable_status(s), "{s}");
        }
        for s in [200, 301, 400, 401, 403, 404, 409, 422, 600] {
            assert!(!is_retryable_status(s), "{s}");
        }
    }

    #[test]
    fn backoff_grows_caps_and_jitters() {
        assert_eq!(backoff_ms(0, 0.0), 500);
        assert_eq!(backoff_ms(1, 0.0), 1000);
        assert_eq!(backoff_ms(2, 0.0), 2000);
        assert_eq!(backoff_ms(4, 0.0), 8000);
        assert_eq!(backoff_ms(30, 0.0), 8000);
        assert_eq!(backoff_ms(0, 0.999_999), 375);
        assert!((375..=500).contains(&backoff_ms(0, 0.5)));
    }

    #[test]
    fn decisions() {
        assert_eq!(decide(0, 2, None, 0.0), Decision::RetryAfter(500));
        assert_eq!(decide(1, 2, None, 0.0), Decision::RetryAfter(1000));
        assert_eq!(decide(2, 2, None, 0.0), Decision::GiveUp);
        assert_eq!(decide(0, 0, Some(0), 0.0), Decision::GiveUp);
        assert_eq!(decide(0, 2, Some(0), 0.0), Decision::RetryAfter(0));
        assert_eq!(decide(0, 2, Some(8_000), 0.0), Decision::RetryAfter(8_000));
        assert_eq!(decide(0, 2, Some(8_001), 0.0), Decision::GiveUp);
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(parse_retry_after("0", 0.0), Some(0));
        assert_eq!(parse_retry_after(" 2 ", 0.0), Some(2000));
        assert_eq!(parse_retry_after("1.5", 0.0), Some(1500));
        assert_eq!(parse_retry_after("120", 0.0), Some(120_000));
        assert_eq!(parse_retry_after("0.0001", 0.0), Some(1), "rounded up");
        assert_eq!(parse_retry_after("2.25", 0.0), Some(2250));
        assert_eq!(parse_retry_after("99999999999999999999", 0.0), None, "overflow");
        assert_eq!(parse_retry_after("1.", 0.0), None);
        assert_eq!(parse_retry_after(".5", 0.0), None);
        for bad in ["-1", "-0.5", "", "soon", "1e3", "..", "1.2.3", "NaN", "Infinity"] {
            assert_eq!(parse_retry_after(bad, 0.0), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_dates() {
        let t = parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(t, Some(1_445_412_480_000.0));
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777_000.0));
        assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(784_111_777_000.0));
        assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), Some(784_111_777_000.0), "asctime");
        assert_eq!(parse_http_date("Thu Feb 29 12:00:00 2024"), Some(1_709_208_000_000.0), "asctime");
        assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994 GMT"), None, "asctime has no zone");
        assert_eq!(parse_http_date("Sun Nov 32 08:49:37 1994"), None);
        assert_eq!(parse_http_date("Sun Nov  6 08:49 1994"), None);
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT"), Some(1_709_208_000_000.0));
        let now = 1_445_412_480_000.0;
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:03 GMT", now), Some(3000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), Some(0), "past date: retry now");
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 PST", now), None);
        assert_eq!(parse_retry_after("Wed, 32 Oct 2015 07:28:00 GMT", now), None);
        assert_eq!(parse_retry_after("Wed, 21 Foo 2015 07:28:00 GMT", now), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 25:28:00 GMT", now), None);
    }

    #[test]
    fn only_refusals_prove_a_request_unsent() {
        for yes in [
            "TypeError: fetch failed (ECONNREFUSED)",
            "TypeError: error sending request: Connection refused (os error 111)",
            "Error: Unable to connect (ConnectionRefused)",
            "TypeError: fetch failed (ENOTFOUND)",
        ] {
            assert!(proves_unsent(yes), "{yes}");
        }
        for no in ["TypeError: fetch failed (ECONNRESET)", "TypeError: fetch failed (UND_ERR_SOCKET)", "AbortError", ""]
        {
            assert!(!proves_unsent(no), "{no}");
        }
    }

    #[test]
    fn absurd_years_are_no_date() {
        assert_eq!(parse_retry_after("Sun, 06 Nov 9223372036854775807 08:49:37 GMT", 0.0), None);
        assert_eq!(parse_retry_after("Sun, 06 Nov 10000 08:49:37 GMT", 0.0), None);
    }

    #[test]
    fn a_runtime_permission_denial_is_final() {
        assert!(denied_by_runtime(
            "NotCapable: Requires net access to \"127.0.0.1:1\", run again with the --allow-net flag"
        ));
        assert!(!denied_by_runtime("TypeError: fetch failed (ECONNREFUSED)"));
    }
}
