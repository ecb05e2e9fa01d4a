//! Token policy on top of the hand-rolled HS256 JWT (`heymarket-jwt`, on
//! `hmac`, `sha2` and `base64`): building a signer from JS input, checking
//! `iat`, and how long a client reuses a token.

pub use heymarket_jwt::{Signer, HEADER_B64};

use super::error::Error;

/// How long a client reuses a token: Heymarket accepts one for 300 s after its
/// `iat`; a minute of margin covers clock skew and slow requests.
pub const TOKEN_REUSE_SECS: u64 = 240;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The signer for one credential pair; `invalid_argument` if a part is empty.
pub fn signer(secret_id: &str, secret_key: &str) -> Result<Signer, Error> {
    Signer::new(secret_id, secret_key).map_err(|e| Error::invalid(e.to_string()))
}

/// Check a JS-provided `iat` (a number) and turn it into seconds.
pub fn validate_iat(iat: f64) -> Result<u64, Error> {
    if iat.is_finite() && iat >= 0.0 && iat.fract() == 0.0 && iat <= MAX_SAFE_INTEGER {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(iat as u64)
    } else {
        Err(Error::invalid("iat must be a non-negative integer number of seconds"))
    }
}

/// Unix seconds from a millisecond clock reading (`Date.now()`).
pub fn unix_seconds(now_ms: f64) -> u64 {
    if now_ms.is_finite() && now_ms > 0.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let s = (now_ms / 1000.0).floor() as u64;
        s
    } else {
        0
    }
}

/// Whether a token minted at `iat` may still be reused at `now` (seconds).
pub fn token_reusable(iat: u64, now: u64) -> bool {
    now >= iat && now - iat < TOKEN_REUSE_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_parts_are_invalid_argument() {
        assert_eq!(signer("", "k").map(|_| ()).map_err(|e| e.code.as_str()), Err("invalid_argument"));
        assert_eq!(
            signer("i", "").map(|_| ()).map_err(|e| e.message),
            Err("secretKey must be a non-empty string".into())
        );
    }

    #[test]
    fn iat_validation() {
        assert_eq!(validate_iat(0.0), Ok(0));
        assert_eq!(validate_iat(1_700_000_000.0), Ok(1_700_000_000));
        assert_eq!(validate_iat(MAX_SAFE_INTEGER), Ok(9_007_199_254_740_991));
        for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, MAX_SAFE_INTEGER + 1.0] {
            assert!(validate_iat(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reuse_window() {
        assert!(token_reusable(100, 100));
        assert!(token_reusable(100, 339));
        assert!(!token_reusable(100, 340));
        assert!(!token_reusable(100, 99), "clock went backwards");
        assert_eq!(unix_seconds(1_700_000_000_999.0), 1_700_000_000);
        assert_eq!(unix_seconds(f64::NAN), 0);
    }
}
