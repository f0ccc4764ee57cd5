//! Learns word clusters without labels from the unlabelled news text beside the project, for the
//! entity tagger's cluster features, and writes `word<TAB>bits` to models/clusters.tsv:
//!
//!     cargo run --release --bin cluster-words -- --data ../shared/data --out models/clusters.tsv
//!
//! Method: each word (as written, seen >= --min-count times) gets a vector of positive pointwise
//! mutual information with the lower-cased words one to its left and one to its right (the most
//! frequent --contexts words); vectors are randomly projected to 256 dimensions and normalised, then
//! grouped by spherical k-means into --classes clusters; Ward's agglomeration of the cluster means
//! makes a binary tree. A word's cluster is its leaf's path from the root (at most 32 bits), so
//! prefixes of the path are coarser clusters, as with Brown clusters. Deterministic: same data, same
//! tree.
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const DIM: usize = 256;

fn main() {
    if let Err(e) = run() {
        eprintln!("cluster-words: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut data, mut out) = (PathBuf::from("../shared/data"), PathBuf::from("models/clusters.tsv"));
    let (mut min_count, mut contexts, mut max_words, mut classes) = (3usize, 3000usize, 100_000usize, 500usize);
    let mut exchange_iters = 6usize;
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()?),
            "--out" => out = PathBuf::from(val()?),
            "--min-count" => min_count = val()?.parse().map_err(|e| format!("--min-count: {e}"))?,
            "--contexts" => contexts = val()?.parse().map_err(|e| format!("--contexts: {e}"))?,
            "--exchange-iters" => exchange_iters = val()?.parse().map_err(|e| format!("--exchange-iters: {e}"))?,
            "--classes" => classes = val()?.parse().map_err(|e| format!("--classes: {e}"))?,
            "--max-words" => max_words = val()?.parse().map_err(|e| format!("--max-words: {e}"))?,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let t0 = std::time::Instant::now();
    let texts = collect_texts(&data)?;
    let mut sents: Vec<Vec<String>> = Vec::new();
    for t in &texts {
        for line in t.split('\n') {
            let toks = tokenize(line);
            if !toks.is_empty() {
                sents.push(toks);
            }
        }
    }
    let ntok: usize = sents.iter().map(Vec::len).sum();
    eprintln!("{} texts, {} lines, {ntok} tokens ({:.1} s)", texts.len(), sents.len(), t0.elapsed().as_secs_f64());
    drop(texts);

    // Vocabulary (cased) and contexts (lower-cased).
    let mut wc: HashMap<&str, usize> = HashMap::new();
    let mut lc: HashMap<String, usize> = HashMap::new();
    for s in &sents {
        for w in s {
            *wc.entry(w.as_str()).or_default() += 1;
            *lc.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = wc.into_iter().filter(|&(_, c)| c >= min_count).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(max_words);
    let word_id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    let mut ctx: Vec<(String, usize)> = lc.into_iter().collect();
    ctx.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ctx.truncate(contexts);
    // context ids: 0 = sentence boundary, 1 = any other word, then the frequent words
    let ctx_id: HashMap<&str, usize> = ctx.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i + 2)).collect();
    let nctx = ctx.len() + 2;
    let cid = |w: Option<&String>| -> usize {
        match w {
            None => 0,
            Some(w) => *ctx_id.get(w.to_lowercase().as_str()).unwrap_or(&1),
        }
    };
    // co-occurrence counts: word -> (side*nctx + ctx) -> count
    let mut co: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut ctx_tot = vec![0f64; 2 * nctx];
    for s in &sents {
        for (i, w) in s.iter().enumerate() {
            let Some(&id) = word_id.get(w.as_str()) else { continue };
            let l = cid(if i > 0 { s.get(i - 1) } else { None });
            let r = nctx + cid(s.get(i + 1));
            for c in [l, r] {
                *co[id].entry(c as u32).or_default() += 1.0;
                ctx_tot[c] += 1.0;
            }
        }
    }

    eprintln!("{} words, {} contexts ({:.1} s)", vocab.len(), nctx, t0.elapsed().as_secs_f64());

    // PPMI with context smoothing (alpha 0.75), then random projection to DIM.
    let smoothed: Vec<f64> = ctx_tot.iter().map(|&c| c.powf(0.75)).collect();
    let ssum: f64 = smoothed.iter().sum();
    let proj: Vec<f32> = (0..2 * nctx * DIM).map(|k| if splitmix(k as u64) & 1 == 0 { 1.0 } else { -1.0 }).collect();
    let mut vecs = vec![0f32; vocab.len() * DIM];
    for (id, m) in co.iter().enumerate() {
        let wtot: f32 = m.values().sum();
        let v = &mut vecs[id * DIM..(id + 1) * DIM];
        let mut keys: Vec<(&u32, &f32)> = m.iter().collect();
        keys.sort_by_key(|(k, _)| **k);
        for (&c, &n) in keys {
            let pmi = ((n as f64 / wtot as f64) / (smoothed[c as usize] / ssum)).ln();
            if pmi <= 0.0 {
                continue;
            }
            let row = &proj[c as usize * DIM..(c as usize + 1) * DIM];
            for d in 0..DIM {
                v[d] += pmi as f32 * row[d];
            }
        }
        normalise(v);
    }
    drop(co);
    eprintln!("vectors ready ({:.1} s)", t0.elapsed().as_secs_f64());

    if let Ok(probe) = std::env::var("CLUSTER_PROBE") {
        for w in probe.split(',') {
            let Some(&i) = word_id.get(w) else { continue };
            let vi = &vecs[i * DIM..(i + 1) * DIM];
            let mut sims: Vec<(f32, &str)> =
                (0..vocab.len()).map(|j| (dot(vi, &vecs[j * DIM..(j + 1) * DIM]), vocab[j].0)).collect();
            sims.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
            eprintln!("{w}: {:?}", &sims[..10]);
        }
    }
    // Flat spherical k-means into `classes` clusters, then Ward's agglomeration of the centroids
    // gives the binary tree whose paths are the clusters' bit strings.
    let n = vocab.len();
    let k = classes.min(n);
    let mut cent: Vec<f32> = Vec::with_capacity(k * DIM);
    for c in 0..k {
        let w = c * n / k;
        cent.extend_from_slice(&vecs[w * DIM..(w + 1) * DIM]);
    }
    let mut assign = vec![usize::MAX; n];
    if exchange_iters > 0 {
        assign = exchange(&sents, &word_id, n, k, exchange_iters, t0);
    }
    for it in 0..if exchange_iters > 0 { 0 } else { 20 } {
        let mut moved = 0;
        for i in 0..n {
            let vi = &vecs[i * DIM..(i + 1) * DIM];
            let mut best = (f32::NEG_INFINITY, 0);
            for c in 0..k {
                let d = dot(vi, &cent[c * DIM..(c + 1) * DIM]);
                if d > best.0 {
                    best = (d, c);
                }
            }
            if assign[i] != best.1 {
                moved += 1;
                assign[i] = best.1;
            }
        }
        let mut sum = vec![0f32; k * DIM];
        for i in 0..n {
            let c = assign[i];
            for (x, y) in sum[c * DIM..(c + 1) * DIM].iter_mut().zip(&vecs[i * DIM..(i + 1) * DIM]) {
                *x += y;
            }
        }
        for c in 0..k {
            let row = &mut sum[c * DIM..(c + 1) * DIM];
            if row.iter().any(|&x| x != 0.0) {
                normalise(row);
                cent[c * DIM..(c + 1) * DIM].copy_from_slice(row);
            }
        }
        eprintln!("k-means iteration {it}: {moved} moved ({:.1} s)", t0.elapsed().as_secs_f64());
        if moved < n / 500 {
            break;
        }
    }
    // Ward: merge the pair whose union least increases the within-cluster squared error.
    let mut size: Vec<f64> = vec![0.0; k];
    let mut mean: Vec<Vec<f64>> = vec![vec![0.0; DIM]; k];
    for i in 0..n {
        size[assign[i]] += 1.0;
        for (x, &y) in mean[assign[i]].iter_mut().zip(&vecs[i * DIM..(i + 1) * DIM]) {
            *x += y as f64;
        }
    }
    let mut alive: Vec<usize> = (0..k).filter(|&c| size[c] > 0.0).collect();
    for &c in &alive {
        let s = size[c];
        mean[c].iter_mut().for_each(|x| *x /= s);
    }
    // children of merged nodes: node ids >= k
    let mut children: Vec<(usize, usize)> = Vec::new();
    let ward = |a: usize, b: usize, size: &[f64], mean: &[Vec<f64>]| -> f64 {
        let d: f64 = mean[a].iter().zip(&mean[b]).map(|(x, y)| (x - y) * (x - y)).sum();
        size[a] * size[b] / (size[a] + size[b]) * d
    };
    while alive.len() > 1 {
        let mut best = (f64::INFINITY, 0, 0);
        for x in 0..alive.len() {
            for y in x + 1..alive.len() {
                let c = ward(alive[x], alive[y], &size, &mean);
                if c < best.0 {
                    best = (c, x, y);
                }
            }
        }
        let (a, b) = (alive[best.1], alive[best.2]);
        let id = k + children.len();
        children.push((a, b));
        let s = size[a] + size[b];
        let m: Vec<f64> = mean[a].iter().zip(&mean[b]).map(|(x, y)| (x * size[a] + y * size[b]) / s).collect();
        size.push(s);
        mean.push(m);
        alive.remove(best.2);
        alive.remove(best.1);
        alive.push(id);
    }
    let mut leaf_path: Vec<(u32, u8)> = vec![(0, 0); k];
    let mut stack = vec![(alive[0], 0u32, 0u8)];
    while let Some((node, bits, depth)) = stack.pop() {
        if node < k {
            leaf_path[node] = (bits, depth.max(1));
            continue;
        }
        let (a, b) = children[node - k];
        // Paths longer than 32 bits are cut: the deepest leaves then share a path.
        let (nb, nd) = if depth < 32 { (bits << 1, depth + 1) } else { (bits, depth) };
        stack.push((a, nb, nd));
        stack.push((b, if depth < 32 { nb | 1 } else { nb }, nd));
    }
    let paths: Vec<(u32, u8)> = assign.iter().map(|&c| leaf_path[c]).collect();
    eprintln!("tree built ({:.1} s)", t0.elapsed().as_secs_f64());

    let mut text = String::new();
    for (id, (w, _)) in vocab.iter().enumerate() {
        let (bits, len) = paths[id];
        if len == 0 {
            continue;
        }
        text.push_str(w);
        text.push('\t');
        text.push_str(&format!("{:0width$b}", bits, width = len as usize));
        text.push('\n');
    }
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {} words to {} ({:.1} s)", vocab.len(), out.display(), t0.elapsed().as_secs_f64());
    Ok(())
}

/// Predictive exchange clustering (Uszkoreit & Brants 2008): classes that best predict a word from
/// the word before it, maximising sum N(v,c) log N(v,c) - sum N(c) log N(c) over predecessor words
/// v and classes c. Words are visited in frequency order and each moves to its best class.
fn exchange(
    sents: &[Vec<String>],
    word_id: &HashMap<&str, usize>,
    n: usize,
    k: usize,
    iters: usize,
    t0: std::time::Instant,
) -> Vec<usize> {
    // predecessor ids: vocabulary words, then sentence start (n) and any rarer word (n + 1)
    let np = n + 2;
    let mut big: Vec<HashMap<u32, u32>> = vec![HashMap::new(); n];
    let mut wcount = vec![0u32; n];
    for s in sents {
        let mut prev = n;
        for tok in s {
            let id = word_id.get(tok.as_str()).copied();
            if let Some(w) = id {
                *big[w].entry(prev as u32).or_default() += 1;
                wcount[w] += 1;
            }
            prev = id.unwrap_or(n + 1);
        }
    }
    let preds: Vec<Vec<(u32, u32)>> = big
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, u32)> = m.into_iter().collect();
            v.sort_unstable();
            v
        })
        .collect();
    let table: Vec<f64> = (0..1u32 << 16).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect();
    let g = |x: u32| -> f64 {
        if (x as usize) < table.len() {
            table[x as usize]
        } else {
            x as f64 * (x as f64).ln()
        }
    };
    let mut class: Vec<usize> = (0..n).map(|i| i % k).collect();
    let mut nvc = vec![0u32; np * k];
    let mut nc = vec![0u32; k];
    for w in 0..n {
        for &(v, c) in &preds[w] {
            nvc[v as usize * k + class[w]] += c;
        }
        nc[class[w]] += wcount[w];
    }
    let mut delta = vec![0f64; k];
    for it in 0..iters {
        let mut moved = 0;
        for w in 0..n {
            let a = class[w];
            for &(v, c) in &preds[w] {
                nvc[v as usize * k + a] -= c;
            }
            nc[a] -= wcount[w];
            delta.iter_mut().for_each(|d| *d = 0.0);
            for &(v, c) in &preds[w] {
                let row = &nvc[v as usize * k..(v as usize + 1) * k];
                for (d, &x) in delta.iter_mut().zip(row) {
                    *d += g(x + c) - g(x);
                }
            }
            let cw = wcount[w];
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..k {
                let d = delta[b] - (g(nc[b] + cw) - g(nc[b]));
                if d > best.0 + 1e-9 || (b == a && d >= best.0 - 1e-9) {
                    best = (d, b);
                }
            }
            let b = best.1;
            for &(v, c) in &preds[w] {
                nvc[v as usize * k + b] += c;
            }
            nc[b] += cw;
            if b != a {
                moved += 1;
                class[w] = b;
            }
        }
        eprintln!("exchange iteration {it}: {moved} words moved ({:.1} s)", t0.elapsed().as_secs_f64());
        if moved < n / 200 {
            break;
        }
    }
    class
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Spherical 2-means of `members`; seeds are the member farthest from a pseudo-random one and the
/// member farthest from that (deterministic given `seed`).
#[allow(dead_code)]
fn split(vecs: &[f32], members: &[usize], seed: u64) -> (Vec<usize>, Vec<usize>) {
    let v = |i: usize| &vecs[i * DIM..(i + 1) * DIM];
    let r = members[(splitmix(seed) % members.len() as u64) as usize];
    let far = |from: &[f32]| {
        *members.iter().min_by(|&&a, &&b| dot(v(a), from).partial_cmp(&dot(v(b), from)).unwrap()).unwrap()
    };
    let s1 = far(v(r));
    let s2 = far(v(s1));
    let mut c = [v(s1).to_vec(), v(s2).to_vec()];
    let mut assign = vec![0u8; members.len()];
    for _ in 0..8 {
        let mut changed = false;
        for (k, &m) in members.iter().enumerate() {
            let side = (dot(v(m), &c[1]) > dot(v(m), &c[0])) as u8;
            changed |= side != assign[k];
            assign[k] = side;
        }
        let mut nc = [vec![0f32; DIM], vec![0f32; DIM]];
        for (k, &m) in members.iter().enumerate() {
            for (x, y) in nc[assign[k] as usize].iter_mut().zip(v(m)) {
                *x += y;
            }
        }
        for x in &mut nc {
            normalise(x);
        }
        c = nc;
        if !changed {
            break;
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (k, &m) in members.iter().enumerate() {
        if assign[k] == 0 {
            a.push(m)
        } else {
            b.push(m)
        }
    }
    (a, b)
}

/// Tokens roughly as CoNLL writes them: punctuation split off, abbreviations ("U.S.", "Corp.") kept.
fn tokenize(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in line.split_whitespace() {
        let mut w = raw;
        let mut tail = Vec::new();
        while let Some(c) = w.chars().next() {
            if "\"'([{`".contains(c) && w.len() > c.len_utf8() {
                out.push(c.to_string());
                w = &w[c.len_utf8()..];
            } else {
                break;
            }
        }
        while let Some(c) = w.chars().last() {
            if w.len() <= c.len_utf8() {
                break;
            }
            let keep_period = c == '.' && {
                let stem = &w[..w.len() - 1];
                stem.contains('.') || (stem.len() <= 4 && stem.chars().next().is_some_and(|c| c.is_uppercase()))
            };
            if "\"'),;:!?]}".contains(c) || (c == '.' && !keep_period) {
                tail.push(c.to_string());
                w = &w[..w.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        if let Some(stem) = w.strip_suffix("'s").filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push("'s".to_string());
        } else if !w.is_empty() {
            out.push(w.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"").replace("&#3;", "")
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        let Some(j) = after.find(close) else { break };
        out.push(&after[..j]);
        rest = &after[j + close.len()..];
    }
    out
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// Texts of the unlabelled sources, one paragraph or sentence a line.
fn collect_texts(data: &Path) -> Result<Vec<String>, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let mut texts = Vec::new();
    let mut files = Vec::new();
    files_under(&data.join("reuters21578"), "sgm", &mut files);
    for p in files.drain(..) {
        let s = latin1(&read(&p)?);
        for tag in ["TITLE", "BODY"] {
            for t in between(&s, &format!("<{tag}>"), &format!("</{tag}>")) {
                texts.push(strip_tags(t).replace("\n    ", " "));
            }
        }
    }
    files_under(&data.join("tempeval3"), "tml", &mut files);
    for p in files.drain(..) {
        let s = String::from_utf8_lossy(&read(&p)?).into_owned();
        for tag in ["TITLE", "TEXT"] {
            for t in between(&s, &format!("<{tag}>"), &format!("</{tag}>")) {
                texts.push(strip_tags(t));
            }
        }
    }
    files_under(&data.join("bbc_news"), "txt", &mut files);
    for p in files.drain(..) {
        if p.file_name().is_some_and(|n| n.to_string_lossy().to_uppercase().starts_with("README")) {
            continue;
        }
        texts.push(String::from_utf8_lossy(&read(&p)?).into_owned());
    }
    files_under(&data.join("ag_news"), "csv", &mut files);
    for p in files.drain(..) {
        let s = String::from_utf8_lossy(&read(&p)?).into_owned();
        texts.push(s.replace("\\", " ").replace("\",\"", "\n"));
    }
    let conll = data.join("conll2003/train.txt");
    if conll.exists() {
        let docs = dateline::eval::conll::read(&conll).map_err(|e| e.to_string())?;
        for d in docs {
            for s in d.sentences {
                texts.push(s.tokens.join(" "));
            }
        }
    }
    if texts.is_empty() {
        return Err(format!("no unlabelled text found under {}", data.display()));
    }
    Ok(texts)
}
