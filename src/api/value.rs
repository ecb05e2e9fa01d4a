//! A JSON value as validated params hold it, and its serialisation.
//!
//! Numbers are integers (`i64`, within JS's safe range) except inside
//! free-form JSON fields, where a fraction is kept as `f64` and written by a
//! caller-supplied formatter: in the `.wasm` that is the host's `String(n)`,
//! because Rust's own `f64` formatting costs the module about 9 KB.

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Value>),
    /// Keys in the order given.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Append the JSON text of `self` to `out`; `float` writes a finite
    /// non-integer number.
    pub fn write_json(&self, out: &mut String, float: &dyn Fn(f64, &mut String)) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => push_int(out, *i),
            Value::Float(f) => float(*f, out),
            Value::Str(s) => push_string(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write_json(out, float);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_string(out, k);
                    out.push(':');
                    v.write_json(out, float);
                }
                out.push('}');
            }
        }
    }
}

/// Decimal digits of `v` without `core::fmt`.
pub fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (n % 10) as u8;
        }
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// A JSON string literal: `"`, `\` and control characters escaped; lone
/// surrogates cannot occur (Rust strings are valid UTF-8).
pub fn push_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let b = c as u8;
                out.push_str("\\u00");
                out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
                out.push(char::from(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0')));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &Value) -> String {
        let mut out = String::new();
        v.write_json(&mut out, &|f, out: &mut String| out.push_str(&f.to_string()));
        out
    }

    #[test]
    fn writes_json_that_parses_back() {
        let v = Value::Object(vec![
            ("a".into(), Value::Int(-9_007_199_254_740_991)),
            ("b \"q\"".into(), Value::Array(vec![Value::Null, Value::Bool(true), Value::Float(1.5)])),
            ("c".into(), Value::Str("line\nbreak\u{1}é\\".into())),
            ("d".into(), Value::Object(vec![])),
        ]);
        let text = json(&v);
        assert_eq!(text, r#"{"a":-9007199254740991,"b \"q\"":[null,true,1.5],"c":"line\nbreak\u0001é\\","d":{}}"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["c"], "line\nbreak\u{1}é\\");
    }

    #[test]
    fn integers() {
        for v in [0, 7, -7, 10, i64::MAX, i64::MIN] {
            let mut s = String::new();
            push_int(&mut s, v);
            assert_eq!(s, v.to_string());
        }
    }
}
