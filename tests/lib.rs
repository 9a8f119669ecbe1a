//! The integration tests, one binary (`autotests = false`).

#[cfg(feature = "cli")]
mod cli;
mod dates;
mod documents;
#[cfg(feature = "serde")]
mod fixtures;
mod html;
mod normalize;
mod numeric;
mod robust;
#[cfg(feature = "serde")]
mod serde_shape;
mod spans;
mod token;
