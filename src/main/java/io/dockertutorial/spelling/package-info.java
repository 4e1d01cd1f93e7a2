/**
 * Spelling: which known word (a Compose key, a docker command or flag) a misspelt one was probably meant to be.
 * The checks of the Compose and command explainers use it; it depends on nothing.
 */
package io.dockertutorial.spelling;
