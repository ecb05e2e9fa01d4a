//! Validation of client options that does not need JS: the base URL and the
//! numeric limits. The wasm layer reads the JS options object and calls these.

use super::error::Error;
use super::retry::MAX_RETRIES_LIMIT;

/// Heymarket's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.heymarket.com";
/// Default per-attempt timeout, reading the body included.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// Default number of retries for idempotent requests.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Largest timeout `setTimeout` can express.
pub const MAX_TIMEOUT_MS: u32 = 2_147_483_647;

/// Validate and normalise a base URL: `https://host[:port][/prefix]`, or
/// `http://` for loopback hosts only (`localhost`, `127.0.0.0/8`, `[::1]`).
/// No user info, query or fragment; a trailing slash is dropped.
pub fn normalize_base_url(raw: &str) -> Result<String, Error> {
    let bad = |why: &str| Error::invalid(format!("baseUrl {why}"));
    let (scheme, rest) = raw.split_once("://").ok_or_else(|| bad("must be an absolute https:// URL"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(bad("must use https://"));
    }
    if rest.contains(['?', '#']) {
        return Err(bad("must not contain a query or fragment"));
    }
    if rest.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return Err(bad("must not contain spaces, control characters or backslashes"));
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(bad("must not contain credentials"));
    }
    let (host, port) = split_host_port(authority).ok_or_else(|| bad("has an invalid host or port"))?;
    let host = host.to_ascii_lowercase();
    if scheme == "http" && !is_loopback(&host) {
        return Err(bad("must use https:// (plain http:// is allowed only for localhost, 127.0.0.0/8 and [::1])"));
    }
    let path = path.trim_end_matches('/');
    if path.split('/').any(|seg| seg == "." || seg == "..") {
        return Err(bad("must not contain dot segments"));
    }
    let mut out = format!("{scheme}://{host}");
    if let Some(p) = port {
        out.push(':');
        out.push_str(p);
    }
    out.push_str(path);
    Ok(out)
}

fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let end = v6.find(']')?;
        let host = authority.get(..end + 2)?;
        let after = v6.get(end + 1..)?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        if !v6.get(..end)?.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return None;
        }
        (host, port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if let Some(p) = port {
        if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) || p.parse::<u32>().ok()? > 65_535 {
            return None;
        }
    }
    let valid_name = !host.is_empty()
        && (host.starts_with('[')
            || host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            }));
    valid_name.then_some((host, port))
}

/// `localhost`, any `127.x.y.z`, or `[::1]`.
pub fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host == "[::1]" || host == "[0:0:0:0:0:0:0:1]" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4 && octets.first() == Some(&"127") && octets.iter().all(|o| o.parse::<u8>().is_ok())
}

/// Validate a timeout in milliseconds (a JS number).
pub fn timeout_ms(v: f64, name: &str) -> Result<u32, Error> {
    if v.is_finite() && v.fract() == 0.0 && v >= 1.0 && v <= f64::from(MAX_TIMEOUT_MS) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(v as u32)
    } else {
        Err(Error::invalid(format!("{name} must be an integer number of milliseconds from 1 to {MAX_TIMEOUT_MS}")))
    }
}

/// Validate a retry count (a JS number).
pub fn max_retries(v: f64, name: &str) -> Result<u32, Error> {
    if v.is_finite() && v.fract() == 0.0 && v >= 0.0 && v <= f64::from(MAX_RETRIES_LIMIT) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(v as u32)
    } else {
        Err(Error::invalid(format!("{name} must be an integer from 0 to {MAX_RETRIES_LIMIT}")))
    }
}

/// Validate a resource id: a positive safe integer.
pub fn resource_id(v: f64, name: &str) -> Result<u64, Error> {
    if v.is_finite() && v.fract() == 0.0 && (1.0..=super::auth::MAX_SAFE_INTEGER).contains(&v) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(v as u64)
    } else {
        Err(Error::invalid(format!("{name} must be a positive safe integer, got {}", describe_number(v))))
    }
}

/// How a number reads in an error message (JS spelling).
pub fn describe_number(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if v.fract() == 0.0 && v.abs() < 9.2e18 {
        #[allow(clippy::cast_possible_truncation)]
        let i = v as i64;
        i.to_string()
    } else {
        // Float formatting would add kilobytes to the module.
        "a non-integer number".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_and_loopback_http() {
        let ok = |s: &str| normalize_base_url(s).map_err(|e| e.message);
        assert_eq!(ok("https://api.heymarket.com"), Ok("https://api.heymarket.com".into()));
        assert_eq!(ok("https://api.heymarket.com/"), Ok("https://api.heymarket.com".into()));
        assert_eq!(ok("HTTPS://API.Heymarket.com:443/proxy/"), Ok("https://api.heymarket.com:443/proxy".into()));
        assert_eq!(ok("http://127.0.0.1:8787"), Ok("http://127.0.0.1:8787".into()));
        assert_eq!(ok("http://127.3.4.5"), Ok("http://127.3.4.5".into()));
        assert_eq!(ok("http://localhost:3000/"), Ok("http://localhost:3000".into()));
        assert_eq!(ok("http://[::1]:9000"), Ok("http://[::1]:9000".into()));
        assert_eq!(ok("https://[2001:db8::1]"), Ok("https://[2001:db8::1]".into()));
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "api.heymarket.com",
            "http://api.heymarket.com",
            "http://10.0.0.1",
            "http://128.0.0.1",
            "http://localhost.evil.com",
            "http://127.0.0.1.nip.io",
            "ftp://x.com",
            "https://",
            "https://user:pw@api.heymarket.com",
            "https://api.heymarket.com?x=1",
            "https://api.heymarket.com#f",
            "https://api heymarket.com",
            "https://api.heymarket.com:99999",
            "https://api.heymarket.com:",
            "https://api.heymarket.com:abc",
            "https://-bad.com",
            "https://a..b",
            "https://x.com/../y",
            "https://x.com\\y",
            "javascript:alert(1)",
        ] {
            let r = normalize_base_url(bad);
            assert!(r.is_err(), "{bad:?} accepted as {r:?}");
            assert_eq!(r.map_err(|e| e.code.as_str()).err(), Some("invalid_argument"));
        }
    }

    #[test]
    fn loopback_hosts() {
        assert!(is_loopback("localhost"));
        assert!(is_loopback("127.0.0.1"));
        assert!(is_loopback("127.255.255.254"));
        assert!(is_loopback("[::1]"));
        assert!(!is_loopback("127.0.0.256"));
        assert!(!is_loopback("127.0.0"));
        assert!(!is_loopback("0.0.0.0"));
    }

    #[test]
    fn numbers() {
        assert_eq!(timeout_ms(1.0, "t"), Ok(1));
        assert_eq!(timeout_ms(30_000.0, "t"), Ok(30_000));
        for bad in [0.0, -5.0, 1.5, f64::NAN, f64::INFINITY, 3e9] {
            assert!(timeout_ms(bad, "t").is_err(), "{bad}");
        }
        assert_eq!(max_retries(0.0, "m"), Ok(0));
        assert_eq!(max_retries(10.0, "m"), Ok(10));
        for bad in [-1.0, 11.0, 0.5, f64::NAN] {
            assert!(max_retries(bad, "m").is_err(), "{bad}");
        }
    }

    #[test]
    fn ids() {
        assert_eq!(resource_id(1.0, "id"), Ok(1));
        assert_eq!(resource_id(9_007_199_254_740_991.0, "id"), Ok(9_007_199_254_740_991));
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 9_007_199_254_740_992.0] {
            let e = resource_id(bad, "id");
            assert!(e.is_err(), "{bad}");
        }
        assert_eq!(
            resource_id(f64::NAN, "id").map_err(|e| e.message).err().as_deref(),
            Some("id must be a positive safe integer, got NaN")
        );
        assert_eq!(describe_number(1.5), "a non-integer number");
        assert_eq!(describe_number(9_007_199_254_740_992.0), "9007199254740992");
        assert_eq!(describe_number(-1.0), "-1");
    }
}
