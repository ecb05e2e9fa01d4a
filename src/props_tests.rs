//! The properties of [`crate::props`] under proptest: random inputs (values
//! shaped by each field's type as well as arbitrary ones, NaN/±Infinity/-0,
//! huge strings, deep nesting, any unicode), shrunk to the smallest failing
//! case. The fuzz targets in `fuzz/` check the same properties.

use proptest::prelude::*;

use crate::api::endpoints::ENDPOINTS;
use crate::api::params::Given;
use crate::api::path::Arg;
use crate::api::table::Ty;
use crate::props;

/// Free-form JSON text as `JSON.stringify` makes it, nested up to `depth`.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        ".{0,20}".prop_map(serde_json::Value::String),
    ];
    let tree = leaf.prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    prop_oneof![
        8 => tree.prop_map(|v| v.to_string()),
        // Deep nesting (deeper still, without the re-parse, below).
        1 => (1usize..1000).prop_map(|d| format!("{}{}", "[".repeat(d), "]".repeat(d))),
    ]
}

/// Any value the JS side can hand over.
fn any_given() -> impl Strategy<Value = Given> {
    let number = prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
        Just(9_007_199_254_740_992.0),
        (-5i64..1_000_000).prop_map(|i| i as f64),
    ];
    let leaf = prop_oneof![
        Just(Given::Absent),
        any::<bool>().prop_map(Given::Bool),
        number.prop_map(Given::Num),
        any::<String>().prop_map(Given::Str),
        Just(Given::Str("x".repeat(200_000))),
        json_text().prop_map(Given::Json),
        prop_oneof![Just("object"), Just("bigint"), Just("symbol"), Just("function")]
            .prop_map(|t| Given::Other(t.into())),
    ];
    leaf.prop_recursive(3, 16, 5, |inner| prop::collection::vec(inner, 0..5).prop_map(Given::List))
}

/// A value shaped like what `ty` accepts (so that many calls pass).
fn typed(ty: Ty) -> BoxedStrategy<Given> {
    let phone =
        prop_oneof![Just("+1 (415) 555-0123".to_owned()), "[+]?[0-9 ().-]{6,20}", Just("4155550123".to_owned()),];
    match ty {
        Ty::Int | Ty::Id => (-3i64..100_000).prop_map(|i| Given::Num(i as f64)).boxed(),
        Ty::Str => any::<String>().prop_map(Given::Str).boxed(),
        Ty::Bool => any::<bool>().prop_map(Given::Bool).boxed(),
        Ty::Phone => phone.prop_map(Given::Str).boxed(),
        Ty::StrList => prop::collection::vec(any::<String>().prop_map(Given::Str), 0..4).prop_map(Given::List).boxed(),
        Ty::IntList => {
            prop::collection::vec((0i64..1000).prop_map(|i| Given::Num(i as f64)), 0..4).prop_map(Given::List).boxed()
        }
        Ty::PhoneList => prop::collection::vec(phone.prop_map(Given::Str), 0..4).prop_map(Given::List).boxed(),
        Ty::Json => json_text().prop_map(Given::Json).boxed(),
        Ty::Enum(words) => prop::sample::select(words).prop_map(|w| Given::Str(w.to_owned())).boxed(),
    }
}

/// An endpoint's index and params: usually its required fields and one of
/// its one-of group with typed values, then more of its fields with typed or
/// arbitrary values, sometimes unknown or prototype-polluting keys.
fn call() -> impl Strategy<Value = (usize, Vec<(String, Given)>)> {
    (0..ENDPOINTS.len()).prop_flat_map(|index| {
        let ep = props::endpoint(index);
        let required: Vec<_> = ep.fields.iter().filter(|f| f.required).collect();
        let base =
            required.into_iter().map(|f| typed(f.ty).prop_map(move |g| (f.name.to_owned(), g))).collect::<Vec<_>>();
        let one_of = if ep.one_of.is_empty() {
            Just(Vec::new()).boxed()
        } else {
            prop::sample::select(ep.one_of)
                .prop_flat_map(move |name| {
                    let ty = ep.field(name).map_or(Ty::Str, |f| f.ty);
                    typed(ty).prop_map(move |g| vec![(name.to_owned(), g)])
                })
                .boxed()
        };
        let field = if ep.fields.is_empty() {
            any_given().prop_map(|g| ("__proto__".to_owned(), g)).boxed()
        } else {
            prop::sample::select(ep.fields)
                .prop_flat_map(|f| {
                    prop_oneof![3 => typed(f.ty), 1 => any_given()].prop_map(move |g| (f.name.to_owned(), g))
                })
                .boxed()
        };
        let stray = prop_oneof![Just("__proto__".to_owned()), Just("constructor".to_owned()), ".{0,12}"];
        let extra = prop::collection::vec(prop_oneof![8 => field, 1 => (stray, any_given())], 0..5);
        (Just(index), any::<bool>(), base, one_of, extra).prop_map(|(index, with_base, base, one_of, extra)| {
            let mut pairs = if with_base { base } else { Vec::new() };
            pairs.extend(one_of);
            pairs.extend(extra);
            (index, pairs)
        })
    })
}

fn cc() -> impl Strategy<Value = Option<String>> {
    prop_oneof![Just(None), Just(Some("1".to_owned())), Just(Some("44".to_owned())), "[+0-9a]{0,4}".prop_map(Some)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn params_validate_without_panicking_and_build_what_they_validated((index, pairs) in call(), cc in cc()) {
        props::params(index, pairs, cc.as_deref());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn paths_stay_under_their_templates(index in 0..ENDPOINTS.len(), texts in prop::collection::vec(any::<String>(), 0..4), numbers in prop::collection::vec(any::<f64>(), 0..4), pick in any::<u8>()) {
        let mut args: Vec<Arg<'_>> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            args.push(if pick >> (i % 8) & 1 == 1 { Arg::Number(numbers.get(i).copied().unwrap_or(1.0)) } else { Arg::Text(t) });
        }
        props::path(index, &args);
        // And with path-ish text in every position.
        let hostile = ["..", ".", "a/b", "?x=1", "#f", "%2e%2e", "a b", "", "12", "a1b2c3d4-0000-4000-8000-000000000000", "phone"];
        let args: Vec<Arg<'_>> = (0..3).map(|i| Arg::Text(hostile[(usize::from(pick) + i) % hostile.len()])).collect();
        props::path(index, &args);
    }

    #[test]
    fn phones_normalise_idempotently(input in prop_oneof![any::<String>(), "[+]?[0-9 ().-]{0,24}"], cc in cc()) {
        props::phone(&input, cc.as_deref());
    }

    #[test]
    fn tokens_verify_for_any_credentials(id in any::<String>(), key in any::<String>(), iat in prop_oneof![any::<u64>(), 0u64..2_000_000_000]) {
        props::jwt(&id, &key, iat);
    }

    #[test]
    fn parsers_keep_their_contracts(text in prop_oneof![
        any::<String>(),
        "[0-9.]{0,25}",
        "(Mon|Sun|Sunday), [0-9]{1,2}[ -](Nov|Feb|Xyz)[ -][0-9]{2,4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
        r#"\{"(message|error|detail)": ?"[^"]{0,600}"\}"#,
        "\u{feff}?(abc|\u{feff}){0,3}",
    ], now in any::<f64>()) {
        props::parsers(&text, now);
    }
}

#[test]
fn deep_nesting_and_huge_values_pass_through_validation() {
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    for (index, ep) in ENDPOINTS.iter().enumerate() {
        for f in ep.fields {
            let given = match f.ty {
                Ty::Json => Given::Json(deep.clone()),
                _ => Given::Str("\u{10FFFF}".repeat(300_000)),
            };
            // Never panics (a deep body is the API's to refuse).
            let _ = crate::api::params::validate(ep, vec![(f.name.to_owned(), given)], Default::default());
            let _ = index;
        }
    }
}

/// The generator is worth its cases: many calls pass validation (and so
/// reach the request checks), for nearly every endpoint.
#[test]
fn the_generator_reaches_valid_calls() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = call();
    let mut ok = vec![0usize; ENDPOINTS.len()];
    let total = 6000;
    for _ in 0..total {
        let (index, pairs) = strategy.new_tree(&mut runner).unwrap().current();
        let ep = props::endpoint(index);
        if crate::api::params::validate(ep, pairs, crate::api::params::Settings { default_country_code: Some("1") })
            .is_ok()
        {
            ok[index] += 1;
        }
    }
    let passed: usize = ok.iter().sum();
    let reached = ok.iter().filter(|n| **n > 0).count();
    assert!(passed * 5 >= total, "{passed} of {total} calls passed validation");
    assert!(reached + 3 >= ENDPOINTS.len(), "{reached} endpoints reached: {ok:?}");
}
