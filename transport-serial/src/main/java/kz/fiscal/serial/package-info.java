/** The serial fiscal-registrar driver (a later issue); exported once it holds its first public type. */
package kz.fiscal.serial;
