//! One module per API resource. A resource validates its inputs and
//! describes requests; it never sends, retries or signs anything.

pub mod conversations;
