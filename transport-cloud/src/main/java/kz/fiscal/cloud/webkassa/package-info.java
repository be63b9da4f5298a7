/** The Webkassa API v4 driver (issue C1); exported once it holds its first public type. */
package kz.fiscal.cloud.webkassa;
