//! Logging: the `logger` (any object with `debug`/`info`/`warn`/`error`,
//! such as `console`) and `logLevel` options. Records name the request by
//! method and path, and the query by its keys only (values can hold phone
//! numbers); never a secret, a key, a JWT, a body or a phone number. The
//! level parsing and the query-key extraction are pure and tested natively.

/// How much is logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Off,
    Error,
    Warn,
    Info,
    Debug,
}

impl Level {
    /// `"off"`, `"error"`, `"warn"`, `"info"` or `"debug"` (any case, trimmed).
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "off" | "" => Level::Off,
            "error" => Level::Error,
            "warn" => Level::Warn,
            "info" => Level::Info,
            "debug" => Level::Debug,
            _ => return None,
        })
    }

    /// The logger's method for this level.
    pub const fn method(self) -> &'static str {
        match self {
            Level::Off | Level::Debug => "debug",
            Level::Error => "error",
            Level::Warn => "warn",
            Level::Info => "info",
        }
    }
}

/// The keys of a `?k=v&…` query string, comma-separated, each once.
pub fn query_keys(query: &str) -> String {
    let mut keys: Vec<&str> = Vec::new();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let key = pair.split('=').next().unwrap_or_default();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        assert_eq!(Level::parse("DEBUG "), Some(Level::Debug));
        assert_eq!(Level::parse("off"), Some(Level::Off));
        assert_eq!(Level::parse("verbose"), None);
        assert!(Level::Warn > Level::Error && Level::Debug > Level::Info);
    }

    #[test]
    fn keys_not_values() {
        assert_eq!(query_keys("?phoneNumber=14155551234&inboxID=3"), "phoneNumber,inboxID");
        assert_eq!(query_keys("?phone=1&phone=2&email=a%40b"), "phone,email");
        assert_eq!(query_keys(""), "");
    }
}
