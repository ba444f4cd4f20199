// Stands in for a Node built-in that a module of a browser bundle requires only in a try block,
// for a part drplan never uses (scripts/build.mjs says which).
module.exports = {};
