/** What grading produces, in the forms others read: text, JSON, JUnit XML, Gradescope, CSV and result bundles. */
package pagelab.app.results;
