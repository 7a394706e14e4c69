/** Deterministic fault injection for checkers: failing the n-th call, lowering limits. */
package pagelab.kernel.control;
