//! kg: Arabic news articles to an event knowledge graph.
//!
//! Data flows one way:
//! `Article → normalized text → mentions → events → KnowledgeGraph →
//! {analysis, RDF/SPARQL, exporters}`.
//!
//! - [`text`]: normalization with offsets into the original, sentences, tokens
//! - [`lexicon`], [`matcher`]: the Turtle lexicon and its compiled matcher
//! - [`extract`]: one article to entities, event mentions and relations
//! - [`model`]: the data model and the [`model::KnowledgeGraph`]
//! - [`corpus`], [`pipeline`]: reading articles, the parallel build
//! - [`export`], [`rdf`]: CSV and RDF exports, written atomically
//! - [`analysis`]: graph views, centralities, paths, timelines
//!
//! The library never prints and never exits: errors are [`error::KgError`].

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod analysis;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod lexicon;
pub mod matcher;
pub mod model;
pub mod pipeline;
pub mod rdf;
pub mod text;

pub use error::{KgError, Result};
