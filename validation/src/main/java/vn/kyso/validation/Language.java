package vn.kyso.validation;

/** Languages of explanations and reports. */
public enum Language { VI, EN }
