/**
 * The {@code sparse-cells} exercise (chapter 15): a spreadsheet in one reserved region whose pages are committed
 * only while they hold cells in use.
 */
package pagelab.exercises.sparsecells;
