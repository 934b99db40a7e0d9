fn main() {
    let engine = rhai::Engine::new();
    let open = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let script = open.repeat(n);
    println!("{:?}", engine.compile(&script).err());
}
