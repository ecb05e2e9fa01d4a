//! Heymarket's HS256 JWT, hand-rolled with `hmac`, `sha2` and `base64`.
//!
//! The token is `{"alg":"HS256","typ":"JWT"}` / `{"iss": SECRET_ID, "iat":
//! unix_seconds}`, signed with HMAC-SHA256 under the key `SECRET_ID || "||"
//! || SECRET_KEY`. A [`Signer`] is built once per credential pair and then
//! signs a token per `iat` with very little work: the HMAC state after the
//! constant part of the token is kept, so each call only hashes the `iat`
//! digits and finalises.
//!
//! A crate of its own so that it is built with `opt-level = 3` while the rest
//! of heymarket-wasm's `.wasm` is built for size: generic code (the HMAC
//! state's `update`/`finalize`, base64's encoder) is compiled in the crate
//! that instantiates it (measured in the main crate: signing 18 % slower).

#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use core::fmt;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// `base64url({"alg":"HS256","typ":"JWT"})`.
pub const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// Which part of the credentials was empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmptyPart {
    SecretId,
    SecretKey,
}

impl fmt::Display for EmptyPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmptyPart::SecretId => "secretId must be a non-empty string",
            EmptyPart::SecretKey => "secretKey must be a non-empty string",
        })
    }
}

/// A keyed HS256 signer for one Heymarket API secret.
///
/// ```
/// use heymarket_jwt::Signer;
///
/// let signer = Signer::new("id", "key")?;
/// assert_eq!(
///     signer.sign(0),
///     "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJpZCIsImlhdCI6MH0.Qtc-GywWRf73Z1xRJqmriqlWgJEn9P4uXhCKuW6P33k"
/// );
/// # Ok::<(), heymarket_jwt::EmptyPart>(())
/// ```
#[derive(Clone)]
pub struct Signer {
    /// `HEADER_B64 "." base64url(stable part of the payload prefix)`.
    token_prefix: String,
    /// The payload-prefix bytes that did not fill a whole base64 group (0–2).
    tail: [u8; 2],
    tail_len: usize,
    /// HMAC state after absorbing `token_prefix`.
    state: Hmac<Sha256>,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Signer { key: [redacted] }")
    }
}

impl Signer {
    /// Build the signer. Both parts must be non-empty.
    pub fn new(secret_id: &str, secret_key: &str) -> Result<Self, EmptyPart> {
        if secret_id.is_empty() {
            return Err(EmptyPart::SecretId);
        }
        if secret_key.is_empty() {
            return Err(EmptyPart::SecretKey);
        }
        let mut key = Vec::with_capacity(secret_id.len() + 2 + secret_key.len());
        key.extend_from_slice(secret_id.as_bytes());
        key.extend_from_slice(b"||");
        key.extend_from_slice(secret_key.as_bytes());
        // HMAC takes keys of any length.
        let mut state = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).map_err(|_| EmptyPart::SecretKey)?;
        key.fill(0);

        // {"iss":"<id>","iat":
        let mut prefix = Vec::with_capacity(secret_id.len() + 24);
        prefix.extend_from_slice(br#"{"iss":""#);
        push_json_escaped(&mut prefix, secret_id);
        prefix.extend_from_slice(br#"","iat":"#);

        let stable = prefix.len() / 3 * 3;
        let (whole, rest) = prefix.split_at(stable);
        let mut token_prefix = String::with_capacity(HEADER_B64.len() + 1 + stable / 3 * 4);
        token_prefix.push_str(HEADER_B64);
        token_prefix.push('.');
        URL_SAFE_NO_PAD.encode_string(whole, &mut token_prefix);
        state.update(token_prefix.as_bytes());

        let mut tail = [0u8; 2];
        let tail_len = rest.len();
        for (dst, src) in tail.iter_mut().zip(rest) {
            *dst = *src;
        }
        Ok(Signer { token_prefix, tail, tail_len, state })
    }

    /// Sign a token with the given `iat` (unix seconds).
    // Indexes stay below 2 + 20 + 1 < 24 and are checked by `max_iat_fits`.
    #[allow(clippy::indexing_slicing)]
    pub fn sign(&self, iat: u64) -> String {
        // The rest of the payload: tail bytes, the digits, the closing brace.
        let mut rest = [0u8; 24];
        let mut n = 0;
        for b in self.tail.iter().take(self.tail_len) {
            rest[n] = *b;
            n += 1;
        }
        n += write_decimal(&mut rest[n..], iat);
        rest[n] = b'}';
        n += 1;

        let mut token = String::with_capacity(self.token_prefix.len() + 32 + 44);
        token.push_str(&self.token_prefix);
        let rest_start = token.len();
        URL_SAFE_NO_PAD.encode_string(&rest[..n], &mut token);

        let mut mac = self.state.clone();
        mac.update(token.get(rest_start..).unwrap_or_default().as_bytes());
        let sig = mac.finalize().into_bytes();
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(sig, &mut token);
        token
    }
}

impl Signer {
    /// A keyed hash of `parts` under the same key (each part length-prefixed,
    /// after a prefix no token shares), for identifiers derived from the
    /// credentials that must not reveal them.
    pub fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = self.state.clone();
        mac.update(b"\0mac");
        for part in parts {
            mac.update(&(part.len() as u64).to_le_bytes());
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }
}

/// Write `v` in decimal into `out`, returning the number of bytes written.
#[allow(clippy::indexing_slicing)] // `i` stays within the 20 digits of u64::MAX
fn write_decimal(out: &mut [u8], mut v: u64) -> usize {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    for (dst, src) in out.iter_mut().zip(&digits[i..]) {
        *dst = *src;
    }
    len
}

/// Append `s` as the inside of a JSON string.
pub fn push_json_escaped(out: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes() {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x00..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(b'0' + (b >> 4));
                out.push(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'));
            }
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Vectors computed independently with Python's hmac/hashlib/base64 and
    // json.dumps(separators=(",", ":"), ensure_ascii=False):
    //   key = (id + "||" + key).encode(); payload = {"iss": id, "iat": iat}
    const VECTORS: &[(&str, &str, u64, &str)] = include!("../../../tests/vectors/jwt.in");

    #[test]
    fn matches_independent_vectors() {
        assert!(VECTORS.len() >= 6);
        for (id, key, iat, want) in VECTORS {
            let got = Signer::new(id, key).map(|s| s.sign(*iat));
            assert_eq!(got.as_deref(), Ok(*want), "id={id:?} iat={iat}");
        }
    }

    #[test]
    fn mac_is_keyed_and_frames_its_parts() {
        let a = Signer::new("id", "key").unwrap();
        let b = Signer::new("id", "key2").unwrap();
        assert_eq!(a.mac(&[b"x", b"y"]), a.clone().mac(&[b"x", b"y"]));
        assert_ne!(a.mac(&[b"x", b"y"]), b.mac(&[b"x", b"y"]), "another key");
        assert_ne!(a.mac(&[b"xy"]), a.mac(&[b"x", b"y"]), "parts are framed");
        assert_ne!(a.mac(&[b"x", b""]), a.mac(&[b"x"]));
    }

    #[test]
    fn one_signer_signs_many_iats() {
        let s = Signer::new("id-1", "key-1");
        let s = s.as_ref();
        let a = s.map(|s| s.sign(1)).unwrap_or_default();
        let b = s.map(|s| s.sign(1_700_000_000)).unwrap_or_default();
        assert_ne!(a, b);
        // Each prefix length mod 3 exercises a different tail length.
        for id in ["a", "ab", "abc", "abcd"] {
            let signer = Signer::new(id, "k");
            let token = signer.map(|s| s.sign(12)).unwrap_or_default();
            let parts: Vec<&str> = token.split('.').collect();
            assert_eq!(parts.len(), 3);
            let payload = URL_SAFE_NO_PAD.decode(parts[1]).unwrap_or_default();
            assert_eq!(payload, format!(r#"{{"iss":"{id}","iat":12}}"#).into_bytes());
        }
    }

    #[test]
    fn header_constant_is_right() {
        assert_eq!(URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#), HEADER_B64);
    }

    #[test]
    fn empty_parts_are_rejected() {
        assert_eq!(Signer::new("", "k").map(|_| ()), Err(EmptyPart::SecretId));
        assert_eq!(Signer::new("i", "").map(|_| ()), Err(EmptyPart::SecretKey));
    }

    #[test]
    fn debug_hides_key() {
        let s = Signer::new("the-id", "super-secret-key-value");
        let dbg = format!("{s:?}");
        assert!(!dbg.contains("super-secret"));
        assert!(dbg.contains("redacted"));
    }

    #[test]
    fn max_iat_fits() {
        let s = Signer::new("x", "y").map(|s| s.sign(u64::MAX));
        assert!(s.is_ok_and(|t| t.split('.').count() == 3));
    }

    #[test]
    fn json_escaping() {
        let mut v = Vec::new();
        push_json_escaped(&mut v, "a\"b\\c\n\u{1}é");
        assert_eq!(String::from_utf8_lossy(&v), "a\\\"b\\\\c\\n\\u0001é");
    }
}
