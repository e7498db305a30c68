declare namespace App {
  interface Locals {
    /** The source file of the post being rendered, so components can name it in their errors. */
    postFile?: string;
  }
}
