//! The `Func` trait: turn a script function into a Rust closure.

use crate::value::dynamic::Variant;
use crate::{Engine, EvalAltResult, ParseError, Scope, AST};

/// Creates Rust closures that call a script function.
pub trait Func<A, R> {
    /// The closure type.
    type Output;

    /// A closure calling `entry_point` of a compiled `AST` (the engine is moved in).
    fn create_from_ast(self, ast: AST, entry_point: &str) -> Self::Output;

    /// A closure calling `entry_point` of a script (the engine is moved in).
    fn create_from_script(
        self,
        script: &str,
        entry_point: &str,
    ) -> Result<Self::Output, ParseError>;
}

macro_rules! impl_func {
    ($($p:ident),*) => {
        impl<$($p: Variant + Clone,)* RET: Variant + Clone> Func<($($p,)*), RET> for Engine {
            #[cfg(not(feature = "sync"))]
            type Output = Box<dyn Fn($($p),*) -> Result<RET, Box<EvalAltResult>>>;
            #[cfg(feature = "sync")]
            type Output = Box<dyn Fn($($p),*) -> Result<RET, Box<EvalAltResult>> + Send + Sync>;

            #[allow(non_snake_case)]
            fn create_from_ast(self, ast: AST, entry_point: &str) -> Self::Output {
                let name = entry_point.to_string();
                Box::new(move |$($p: $p),*| {
                    self.call_fn(&mut Scope::new(), &ast, &name, ($($p,)*))
                })
            }

            fn create_from_script(self, script: &str, entry_point: &str) -> Result<Self::Output, ParseError> {
                let ast = self.compile(script)?;
                Ok(<Self as Func<($($p,)*), RET>>::create_from_ast(self, ast, entry_point))
            }
        }
    };
}

impl_func!();
impl_func!(A);
impl_func!(A, B);
impl_func!(A, B, C);
impl_func!(A, B, C, D);
impl_func!(A, B, C, D, E);
impl_func!(A, B, C, D, E, F);
impl_func!(A, B, C, D, E, F, G);
impl_func!(A, B, C, D, E, F, G, H);
impl_func!(A, B, C, D, E, F, G, H, J);
impl_func!(A, B, C, D, E, F, G, H, J, K);
impl_func!(A, B, C, D, E, F, G, H, J, K, L);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, T);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, T, U);
impl_func!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, T, U, V);
