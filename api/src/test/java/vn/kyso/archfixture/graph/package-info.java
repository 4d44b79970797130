/**
 * A miniature of the service that breaks each rule of ModuleRules once, so ModuleGraphTest can show every
 * rule is able to fail; the packages mirror modules declared in KysoModules under another base package.
 */
package vn.kyso.archfixture.graph;
