/**
 * The {@code sparse-mapping} exercise (chapter 17): a paging-file-backed mapping created with SEC_RESERVE whose
 * pages are committed on demand inside the view and seen by every process that maps it.
 */
package pagelab.exercises.sparsemapping;
