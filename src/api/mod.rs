//! The whole-API mechanism, as pure Rust tested natively: the endpoint table
//! ([`table`] describes a row, [`endpoints`] holds them), params validated
//! against a row ([`params`], one serde seed for every endpoint), JSON
//! bodies ([`value`]), paths ([`path`]) and phone numbers ([`phone`]).
//! Not yet wired to the JS surface: `conversations.get` still goes through
//! `resources::conversations`.

pub mod build;
pub mod endpoints;
pub mod params;
pub mod path;
pub mod phone;
pub mod table;
pub mod value;
