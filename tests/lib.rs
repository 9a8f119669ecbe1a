//! The integration tests, one binary (`autotests = false`).

mod documents;
#[cfg(feature = "serde")]
mod fixtures;
