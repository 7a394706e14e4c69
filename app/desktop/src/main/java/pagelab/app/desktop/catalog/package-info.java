/** The exercise catalog: exercises grouped by chapter with each one's status and best score, filterable by text. */
package pagelab.app.desktop.catalog;
