/** Test doubles and the driver contract suite (issue E1 on); exported once it holds a public type. */
package kz.fiscal.testkit;
