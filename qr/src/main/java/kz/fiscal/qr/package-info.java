/** QR codes and e-checks (issue Q1); exported once it holds its first public type. */
package kz.fiscal.qr;
