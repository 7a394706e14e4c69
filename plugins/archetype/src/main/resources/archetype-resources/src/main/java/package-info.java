/** The exercise plugin ${artifactId}. */
package ${package};
