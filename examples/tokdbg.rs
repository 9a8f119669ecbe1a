fn main() {
    let s = std::env::args().nth(1).unwrap();
    for t in vntext::token::syllables(&s) { if !t.kind().is_space() { print!("[{}:{:?}] ", t.as_str(), t.kind()); } }
    println!();
}
