//! Phone numbers as people type them, in the API's format: E.164 digits
//! without the `+` (`14155551234`).
//!
//! Accepted: an optional leading `+`, digits, and the separators people use
//! (spaces, `-`, `.`, `(`, `)`). With a `+` (or 11–15 digits without one) the
//! number already carries its country code. Exactly ten digits are a national
//! number: they become international only with a default country code (the
//! client option `defaultCountryCode`, e.g. `"1"`). Anything else is an
//! error, never a guess. Normalising a normalised number of 11–15 digits
//! changes nothing; a shorter international number (`+354 123 4567`) comes
//! out as 10 digits, which read back without their `+` are national again —
//! the API's `+`-less format cannot tell them apart.

use core::fmt;

/// Why a phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Empty, or nothing but separators.
    Empty,
    /// A character that is neither a digit nor a separator (or a `+` that is
    /// not the first character).
    BadCharacter,
    /// Ten digits and no default country code to complete them.
    NeedsCountryCode,
    /// Too few or too many digits for an E.164 number.
    BadLength,
    /// The default country code is not 1–3 digits.
    BadCountryCode,
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PhoneError::Empty => "is empty",
            PhoneError::BadCharacter => "may hold only digits, spaces, - . ( ) and a leading +",
            PhoneError::NeedsCountryCode => {
                "has 10 digits and no country code (write it as +1 415 555 1234, or set the defaultCountryCode option)"
            }
            PhoneError::BadLength => "is not an international number (8 to 15 digits with its country code)",
            PhoneError::BadCountryCode => "defaultCountryCode must be 1 to 3 digits",
        })
    }
}

/// E.164 allows at most 15 digits, country code included.
const MAX_DIGITS: usize = 15;
/// The shortest international numbers in use have 8 digits with their code.
const MIN_DIGITS: usize = 8;

/// A country code of 1–3 digits, not starting with 0 (a leading `+` is
/// allowed), without its `+`.
pub fn check_country_code(cc: &str) -> Result<&str, PhoneError> {
    let cc = cc.strip_prefix('+').unwrap_or(cc);
    if cc.is_empty() || cc.len() > 3 || !cc.bytes().all(|b| b.is_ascii_digit()) || cc.starts_with('0') {
        return Err(PhoneError::BadCountryCode);
    }
    Ok(cc)
}

/// Normalise `input` to E.164 digits without `+`.
pub fn normalize(input: &str, default_country_code: Option<&str>) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    let (plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(PhoneError::BadCharacter),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    if !plus && digits.len() == 10 {
        let cc = check_country_code(default_country_code.ok_or(PhoneError::NeedsCountryCode)?)?;
        digits.insert_str(0, cc);
    } else if !plus && digits.len() < 11 {
        return Err(PhoneError::BadLength);
    }
    if digits.len() < MIN_DIGITS || digits.len() > MAX_DIGITS || digits.starts_with('0') {
        return Err(PhoneError::BadLength);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_people_type() {
        for input in ["+1 (415) 555-1234", "1-415-555-1234", "14155551234", " +14155551234 ", "1.415.555.1234"] {
            assert_eq!(normalize(input, None).as_deref(), Ok("14155551234"), "{input}");
        }
        assert_eq!(normalize("+44 20 7946 0958", None).as_deref(), Ok("442079460958"));
    }

    #[test]
    fn ten_digits_need_a_country_code() {
        assert_eq!(normalize("(415) 555-1234", None), Err(PhoneError::NeedsCountryCode));
        assert_eq!(normalize("(415) 555-1234", Some("1")).as_deref(), Ok("14155551234"));
        assert_eq!(normalize("4155551234", Some("+1")).as_deref(), Ok("14155551234"));
        assert_eq!(normalize("4155551234", Some("1a")), Err(PhoneError::BadCountryCode));
        assert_eq!(normalize("4155551234", Some("")), Err(PhoneError::BadCountryCode));
        // A + means the country code is already there.
        assert_eq!(normalize("+4155551234", Some("1")).as_deref(), Ok("4155551234"));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(normalize("", None), Err(PhoneError::Empty));
        assert_eq!(normalize(" - ", None), Err(PhoneError::Empty));
        assert_eq!(normalize("+", None), Err(PhoneError::Empty));
        assert_eq!(normalize("415-CALL-NOW", None), Err(PhoneError::BadCharacter));
        assert_eq!(normalize("1+4155551234", None), Err(PhoneError::BadCharacter));
        assert_eq!(normalize("555-1234", None), Err(PhoneError::BadLength));
        assert_eq!(normalize("+1234567", None), Err(PhoneError::BadLength));
        assert_eq!(normalize("1234567890123456", None), Err(PhoneError::BadLength));
        assert_eq!(normalize("+04155551234", None), Err(PhoneError::BadLength));
        assert_eq!(normalize("１４１５５５５１２３４", None), Err(PhoneError::BadCharacter), "full-width digits");
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for input in ["+1 (415) 555-1234", "+44 20 7946 0958", "14155551234", "4155551234"] {
            let once = normalize(input, Some("1"));
            assert!(once.is_ok(), "{input}");
            let once = once.unwrap_or_default();
            assert_eq!(normalize(&once, Some("1")).as_deref(), Ok(once.as_str()), "{input}");
            assert_eq!(normalize(&once, None).as_deref(), Ok(once.as_str()), "{input}");
        }
        // The one ambiguity of the +-less format: 10 digits read as national.
        assert_eq!(normalize("+354 123 4567", None).as_deref(), Ok("3541234567"));
        assert_eq!(normalize("3541234567", None), Err(PhoneError::NeedsCountryCode));
    }
}
