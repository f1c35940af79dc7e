/// How disagreements between two raters are penalised in Cohen's kappa: every
/// disagreement alike, in proportion to the distance between categories, or its square.
public enum KappaWeighting: String, Sendable, Codable {
    case unweighted
    case linear
    case quadratic
}
