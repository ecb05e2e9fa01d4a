//! The core: auth, options, retries, errors and the one request pipeline.
//! The endpoint table builds requests ([`request::Request`]); only this module sends them.

pub mod auth;
pub mod config;
pub mod error;
mod failure;
mod headers;
pub mod limit;
pub mod log;
pub mod options;
mod rate;
pub mod request;
pub mod retry;
pub mod transport;
