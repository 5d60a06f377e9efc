//! The exported store: a build's `graph.nq` loaded into an in-memory
//! oxigraph store, for `kg query` and `kg validate`; with the cargo feature
//! `rocksdb`, the same quads in an on-disk oxigraph store that the Oxigraph
//! server of the same version opens (`oxigraph serve --location DIR`).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, Quad};
use oxigraph::store::Store;

use super::vocab::DEFAULT_BASE;
use crate::error::{KgError, Result, TextPos};

/// The file of a build that `kg query` and `kg validate` read.
pub const STORE_FILE: &str = "graph.nq";

fn storage(e: impl std::fmt::Display) -> KgError {
    KgError::Rdf(format!("store: {e}"))
}

/// Reads an N-Quads file; syntax errors name the file, line and column.
pub fn read_nquads(path: &Path) -> Result<Vec<Quad>> {
    let file = File::open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            KgError::input(
                path,
                "no such file; run `kg build` first (or pass --exports DIR)",
            )
        } else {
            KgError::io(path, e)
        }
    })?;
    RdfParser::from_format(RdfFormat::NQuads)
        .for_reader(BufReader::new(file))
        .map(|q| {
            q.map_err(|e| match e {
                RdfParseError::Io(e) => KgError::io(path, e),
                RdfParseError::Syntax(e) => KgError::Syntax {
                    path: path.to_path_buf(),
                    pos: e.location().map(|r| TextPos {
                        line: r.start.line + 1,
                        column: r.start.column + 1,
                    }),
                    message: format!("not valid N-Quads: {e}"),
                },
            })
        })
        .collect()
}

/// An in-memory store holding `quads`.
pub fn memory_store(quads: &[Quad]) -> Result<Store> {
    let store = Store::new().map_err(storage)?;
    store.extend(quads.iter().cloned()).map_err(storage)?;
    Ok(store)
}

/// Loads a build's N-Quads (`{dir}/graph.nq`) into an in-memory store.
pub fn load_build(dir: &Path) -> Result<Store> {
    let quads = read_nquads(&dir.join(STORE_FILE))?;
    memory_store(&quads)
}

/// The base IRI a store was built with, found from its named graphs
/// (`{base}graph/entities`, `{base}graph/events` or `{base}graph/ontology`);
/// the default base when there are none.
pub fn detect_base(store: &Store) -> String {
    for g in store.named_graphs().flatten() {
        let s = g.to_string();
        let iri = s.trim_start_matches('<').trim_end_matches('>');
        for name in ["graph/entities", "graph/events", "graph/ontology"] {
            if let Some(base) = iri.strip_suffix(name) {
                return base.to_string();
            }
        }
    }
    DEFAULT_BASE.to_string()
}

/// The quads of a store, in the order of their graphs (for checks).
pub fn all_quads(store: &Store) -> Result<Vec<Quad>> {
    store
        .iter()
        .map(|q| q.map_err(storage))
        .collect::<Result<Vec<_>>>()
}

/// Whether a quad is in the named graph `{base}graph/{name}`.
pub fn in_graph(q: &Quad, base: &str, name: &str) -> bool {
    matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_str().strip_prefix(base) == Some(&format!("graph/{name}")))
}

/// Writes `quads` into a new on-disk (RocksDB) store at `dir`, replacing
/// the store there only when the new one is complete.
#[cfg(feature = "rocksdb")]
pub fn write_disk_store(quads: &[Quad], dir: &Path) -> Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if dir.exists() && !dir.join("CURRENT").exists() {
        return Err(KgError::input(
            dir,
            "exists and is not an oxigraph store; choose an empty or new directory for --store",
        ));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".kg-store-")
        .tempdir_in(&parent)
        .map_err(|e| KgError::io(&parent, e))?;
    {
        let store = Store::open(tmp.path()).map_err(storage)?;
        let mut loader = store.bulk_loader();
        loader.load_quads(quads.iter().cloned()).map_err(storage)?;
        loader.commit().map_err(storage)?;
        store.flush().map_err(storage)?;
        store.optimize().map_err(storage)?;
    }
    let tmp = tmp.keep();
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| KgError::io(dir, e))?;
    }
    std::fs::rename(&tmp, dir).map_err(|e| KgError::io(dir, e))
}

/// Opens an on-disk store read-only.
#[cfg(feature = "rocksdb")]
pub fn open_disk_store(dir: &Path) -> Result<Store> {
    if !dir.join("CURRENT").exists() {
        return Err(KgError::input(
            dir,
            "not an oxigraph store (write one with `kg build --store DIR`)",
        ));
    }
    Store::open_read_only(dir)
        .map_err(|e| KgError::input(dir, format!("cannot open the store: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_in_nquads_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("graph.nq");
        std::fs::write(
            &p,
            "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n",
        )
        .unwrap();
        let e = read_nquads(&p).unwrap_err().to_string();
        assert!(e.contains("graph.nq, line 2"), "{e}");
        let Err(e) = load_build(&dir.path().join("nowhere")) else {
            panic!("loaded a missing build")
        };
        let e = e.to_string();
        assert!(e.contains("run `kg build` first"), "{e}");
    }

    #[test]
    fn finds_the_base_iri_of_a_build() {
        let quads = crate::rdf::tests::fixture_quads();
        let store = memory_store(&quads).unwrap();
        assert_eq!(detect_base(&store), DEFAULT_BASE);
        assert_eq!(all_quads(&store).unwrap().len(), quads.len());
    }
}
