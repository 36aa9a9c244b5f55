/**
 * An application on the module path that uses smesurvey as a modular application would: it names the modules it
 * reads and nothing else. tools/check-modules.sh compiles and runs it against the built jars.
 */
module org.smesurvey.moduleconsumer {
    requires org.smesurvey.core;
    requires org.smesurvey.stats;
    requires org.smesurvey.charts;
}
