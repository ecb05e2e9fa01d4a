//! A JSON value as validated params hold it, and its serialisation.
//!
//! Numbers are integers (`i64`, within JS's safe range) except inside
//! free-form JSON fields, where a fraction is kept as `f64` and written by a
//! caller-supplied formatter: in the `.wasm` that is the host's `String(n)`,
//! because Rust's own `f64` formatting costs the module about 9 KB. Written
//! as bytes; every piece is UTF-8, so the result is too.

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
    pub fn write_json(&self, out: &mut Vec<u8>, float: &dyn Fn(f64, &mut Vec<u8>)) {
        match self {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Int(i) => push_int(out, *i),
            Value::Float(f) => float(*f, out),
            Value::Str(s) => push_string(out, s),
            Value::Array(items) => {
                out.push(b'[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    v.write_json(out, float);
                }
                out.push(b']');
            }
            Value::Object(fields) => {
                out.push(b'{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    push_string(out, k);
                    out.push(b':');
                    v.write_json(out, float);
                }
                out.push(b'}');
            }
        }
    }
}

/// Decimal digits of `v` without `core::fmt`.
pub fn push_int(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    let mut n = v.unsigned_abs();
    let start = out.len();
    loop {
        out.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if let Some(digits) = out.get_mut(start..) {
        digits.reverse();
    }
}

/// A JSON string literal, escaped as the JWT's payload is.
pub fn push_string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    heymarket_jwt::push_json_escaped(out, s);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &Value) -> String {
        let mut out = Vec::new();
        v.write_json(&mut out, &|f, out: &mut Vec<u8>| out.extend_from_slice(f.to_string().as_bytes()));
        String::from_utf8(out).unwrap()
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
            let mut s = Vec::new();
            push_int(&mut s, v);
            assert_eq!(String::from_utf8(s).unwrap(), v.to_string());
        }
    }
}
