/**
 * The {@code mapping-by-handle} exercise (chapters 3 and 17): a section without a name reaches another process
 * through an inherited handle, whose value the child reads from its command line, and through DuplicateHandle.
 */
package pagelab.exercises.mappingbyhandle;
