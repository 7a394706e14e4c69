/**
 * The {@code mem-reset} exercise (chapter 15): a cache of recomputable pages that tells the memory manager with
 * {@code MEM_RESET} when its contents may be thrown away instead of written to the paging file.
 */
package pagelab.exercises.memreset;
