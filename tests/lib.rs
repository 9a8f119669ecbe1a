//! The integration tests, one binary (`autotests = false`).

#[cfg(feature = "serde")]
mod fixtures;
mod normalize;
