/**
 * The {@code named-shared-memory} exercise (chapter 17): processes share data through a named mapping backed by
 * the paging file, the book's MMFShare sample.
 */
package pagelab.exercises.namedsharedmemory;
