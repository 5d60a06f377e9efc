//! Bench tool, the serialization limit: oxigraph alone loads kg's N-Quads
//! into its in-memory store (bulk load) and writes the union of the graphs as
//! Turtle. Prints the quad count and the seconds for each half.
//!
//! `cargo run --release --example rdf_roundtrip -- graph.nq out.ttl`

use std::time::Instant;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: rdf_roundtrip IN.nq OUT.ttl");
        std::process::exit(2);
    };
    let t0 = Instant::now();
    let store = Store::new()?;
    let mut loader = store.bulk_loader();
    loader.load_from_reader(
        RdfParser::from_format(RdfFormat::NQuads),
        std::io::BufReader::new(std::fs::File::open(input)?),
    )?;
    loader.commit()?;
    let load = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let mut ser = RdfSerializer::from_format(RdfFormat::Turtle)
        .for_writer(std::io::BufWriter::new(std::fs::File::create(output)?));
    let mut n = 0usize;
    for q in store.iter() {
        let q = q?;
        ser.serialize_triple(q.as_ref())?;
        n += 1;
    }
    ser.finish()?;
    println!("{n} {load:.3} {:.3}", t1.elapsed().as_secs_f64());
    Ok(())
}
