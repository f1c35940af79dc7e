# Sourced by the study scripts. fill_section DOC NAME FILE: replaces what lies between <!-- study:NAME --> and
# <!-- /study:NAME --> in DOC with the contents of FILE; stops the script when DOC has no such marks.
fill_section() {
  NAME=$2 FILE=$3 perl -0pi -e '
    my $n = $ENV{NAME}; local $/; open(my $f, "<", $ENV{FILE}) or die; my $t = <$f>; close $f; $t =~ s/\s+\z/\n/;
    s/(<!-- study:\Q$n\E -->\n).*?(<!-- \/study:\Q$n\E -->)/$1$t$2/s or die "no mark study:$n\n";
  ' "$1"
}
