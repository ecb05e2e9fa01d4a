//! The whole-API mechanism, as pure Rust tested natively: the endpoint table
//! ([`table`] describes a row, [`rows`] holds them, [`endpoints`] lists
//! them), params validated against a row ([`params`]), requests built from
//! it ([`build`], [`path`], [`value`], [`phone`]) and pages walked by its
//! rule ([`paging`]). `crate::js::args` hands JS values over; the
//! transport sends.

pub mod build;
pub mod describe;
#[cfg(test)]
pub mod docs;
pub mod endpoints;
pub mod paging;
pub mod params;
pub mod path;
pub mod phone;
pub mod rows;
pub mod table;
pub mod value;
