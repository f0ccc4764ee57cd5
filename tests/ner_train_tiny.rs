//! End to end: train a tiny model on sentences written here, then tag new sentences with it.
use dateline::eval::conll;
use dateline::eval::{
    stages::{Lexicon, TYPES},
    train,
};

const TRAIN: &str = "\
-DOCSTART- -X- -X- O

Anna NNP O B-PER
Berg NNP O I-PER
visited VBD O O
Oslo NNP O B-LOC
on IN O O
Monday NNP O O
. . O O

Acme NNP O B-ORG
Corp NNP O I-ORG
hired VBD O O
Anna NNP O B-PER
Berg NNP O I-PER
in IN O O
Oslo NNP O B-LOC
. . O O

Tomas NNP O B-PER
Lind NNP O I-PER
left VBD O O
Bergen NNP O B-LOC
for IN O O
Acme NNP O B-ORG
Corp NNP O I-ORG
. . O O
";

#[test]
fn trains_a_tiny_model_and_tags_with_it() {
    let docs = conll::parse(TRAIN, "tiny").unwrap();
    let cfg = train::TrainConfig { bits: 14, epochs: 8, stage2: true, folds: 2, seed: 3, ensemble: 1, verbose: false };
    let model = train::train(Lexicon::from_text("", ""), &docs, Some(&docs), &cfg);
    // memorises its training data
    let c = train::evaluate_tokens(&model, &docs);
    assert!(c.f1() > 99.0, "training F1 {}", c.f1());
    // and generalises the pattern to a new sentence of known words
    let sent = vec![vec!["Tomas", "Lind", "visited", "Oslo", "."]];
    let spans = model.tag_document(&sent);
    let got: Vec<(usize, usize, &str)> = spans[0].iter().map(|&(s, e, k)| (s, e, TYPES[k])).collect();
    assert_eq!(got, vec![(0, 2, "PER"), (3, 4, "LOC")]);
    // the model survives a round trip through its file format
    let bytes = model.to_bytes();
    let back = dateline::eval::stages::Model::from_bytes(&bytes, Lexicon::from_text("", "")).unwrap();
    assert_eq!(back.tag_document(&sent), spans);
}
