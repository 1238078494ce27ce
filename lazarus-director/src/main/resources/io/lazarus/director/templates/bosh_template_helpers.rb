# BOSH's job template helpers, written for Lazarus and loaded once into the renderer's JRuby runtime.
#
# A template is evaluated with self = an EvaluationContext, so it can call p, if_p, spec, properties, link, if_link,
# name and index exactly as under BOSH. Names and error messages follow BOSH's, because operators search for them.
require 'erb'
require 'json'
require 'yaml'
require 'shellwords'
require 'ostruct' # BOSH loads it, so templates use OpenStruct without requiring it

# ActiveSupport's blank? and present?, which BOSH loads for templates; written here to the same rules.
class Object
  def blank?
    respond_to?(:empty?) ? !!empty? : !self
  end

  def present?
    !blank?
  end

  def presence
    self if present?
  end
end

class String
  def blank?
    empty? || /\A[[:space:]]*\z/.match?(self)
  end
end

class Numeric
  def blank?
    false
  end
end

module Lazarus
  module Templates
    class UnknownProperty < StandardError
      attr_reader :name

      # BOSH interpolates the array of names: "Can't find property '[\"a.b\"]'".
      def initialize(names)
        @name = names
        super("Can't find property '#{names}'")
      end
    end

    class UnknownLink < StandardError
      def initialize(name)
        super("Can't find link '#{name}'")
      end
    end

    module Lookup
      # Walks a dotted name ("a.b.c") through nested hashes; nil as soon as a step is missing or not a hash.
      def self.dotted(hash, name)
        name.to_s.split('.').reduce(hash) do |node, key|
          return nil unless node.is_a?(Hash)

          node[key]
        end
      end
    end

    # Returned by if_p / if_link when their block did not run: the else block runs instead.
    class ElseRuns
      def initialize(owner)
        @owner = owner
      end

      def else
        yield
      end

      def else_if_p(*names, &block)
        @owner.if_p(*names, &block)
      end

      def else_if_link(name, &block)
        @owner.if_link(name, &block)
      end
    end

    # Returned by if_p / if_link when their block ran: any else branch is skipped.
    class ElseSkipped
      def else; end

      def else_if_p(*)
        self
      end

      def else_if_link(*)
        self
      end
    end

    # p and if_p over the hash returned by #property_source (the job's properties, or a link's).
    module PropertyAccess
      # p("a.b"), p("a.b", default), p(["a", "b"]), p(["a", "b"], default): the first name that is set wins;
      # a value of false counts as set, nil does not.
      def p(*args)
        names = Array(args[0])
        names.each do |name|
          value = Lookup.dotted(property_source, name)
          return value unless value.nil?
        end
        return args[1] if args.length == 2

        raise UnknownProperty, names
      end

      # Yields the values when every name is set; otherwise returns an object whose else block runs.
      def if_p(*names)
        values = names.map { |name| Lookup.dotted(property_source, name) }
        return ElseRuns.new(self) if values.any?(&:nil?)

        yield(*values)
        ElseSkipped.new
      end
    end

    # An OpenStruct-like read view of a hash, as BOSH gives to templates for spec and properties: keys are methods,
    # unknown keys answer nil, nested hashes are views too. methods(false) lists the keys, as BOSH's
    # BackCompatOpenStruct does, because templates use it to find the names of an instance's networks.
    class OpenView
      def self.wrap(value)
        case value
        when Hash then new(value.transform_values { |v| wrap(v) })
        when Array then value.map { |v| wrap(v) }
        else value
        end
      end

      def initialize(table)
        @table = table
      end

      def [](key)
        @table[key.to_s]
      end

      def []=(key, value)
        @table[key.to_s] = value
      end

      def dig(key, *rest)
        value = self[key]
        rest.empty? || value.nil? ? value : value.dig(*rest)
      end

      def each_pair(&block)
        return to_enum(:each_pair) unless block

        @table.each { |key, value| block.call(key.to_sym, value) }
        self
      end

      def to_h
        @table.to_h { |key, value| [key.to_sym, value] }
      end

      def methods(regular = true)
        regular ? super : @table.keys.map(&:to_sym)
      end

      def ==(other)
        other.is_a?(OpenView) && to_h == other.to_h
      end

      def respond_to_missing?(name, include_private = false)
        @table.key?(name.to_s.chomp('=')) || super
      end

      def method_missing(name, *args)
        key = name.to_s
        if key.end_with?('=') && args.length == 1
          @table[key.chomp('=')] = args[0]
        elsif args.empty?
          @table[key]
        else
          super
        end
      end

      def inspect
        "#<OpenStruct #{@table.map { |key, value| "#{key}=#{value.inspect}" }.join(', ')}>"
      end
      alias to_s inspect
    end

    class LinkInstance
      include PropertyAccess
      attr_reader :name, :index, :id, :az, :address, :bootstrap, :properties

      def initialize(spec)
        @name = spec['name']
        @index = spec['index']
        @id = spec['id']
        @az = spec['az']
        @address = spec['address']
        @bootstrap = spec['bootstrap']
        @properties = spec['properties'] || {}
      end

      private

      def property_source
        @properties
      end
    end

    class Link
      include PropertyAccess
      attr_reader :instances, :properties

      def initialize(name, spec)
        @name = name
        @instances = (spec['instances'] || []).map { |instance| LinkInstance.new(instance) }
        @properties = spec['properties'] || {}
        @address = spec['address']
      end

      # BOSH narrows a link's DNS address by criteria (azs:, status:); Lazarus resolves one address per link, so
      # criteria are refused rather than silently ignored.
      def address(criteria = {})
        unless criteria.empty?
          raise ArgumentError, "link '#{@name}': address criteria #{criteria.keys.inspect} are not supported by Lazarus"
        end
        raise ArgumentError, "link '#{@name}' has no address" if @address.nil?

        @address
      end

      private

      def property_source
        @properties
      end
    end

    # What a template sees as self.
    class EvaluationContext
      include PropertyAccess
      attr_reader :name, :index, :spec, :properties, :raw_properties

      def initialize(spec, links)
        @name = spec['name']
        @index = spec['index']
        @raw_properties = spec['properties'] || {}
        @spec = OpenView.wrap(spec)
        @properties = OpenView.wrap(@raw_properties)
        @links = links
      end

      def link(name)
        spec = @links[name]
        raise UnknownLink, name if spec.nil? || !spec.key?('instances')

        Link.new(name, spec)
      end

      def if_link(name)
        spec = @links[name]
        return ElseRuns.new(self) if spec.nil? || !spec.key?('instances')

        yield Link.new(name, spec)
        ElseSkipped.new
      end

      private

      def property_source
        @raw_properties
      end
    end

    # Templates compiled to procs, by file name and text. Compiling (ERB's scan, then Ruby's parse) costs more than
    # running, and a deploy renders the same templates for every instance. Bounded, since releases come and go.
    module CompiledTemplates
      LIMIT = 1000
      @procs = {}

      def self.fetch(filename, text)
        @procs[[filename, text]] ||= begin
          @procs.clear if @procs.size >= LIMIT
          compile(filename, text)
        end
      end

      # ERB's source starts with its "#coding" comment line, numbered 0, so template line N is line N of the proc.
      # Run with instance_exec, the proc sees the evaluation context as self, like ERB#result with its binding, and
      # keeps the template's local variables to one run.
      def self.compile(filename, text)
        eval("proc { #{ERB.new(text, trim_mode: '-').src}\n}", empty_binding, filename, 0) # rubocop:disable Security/Eval
      end

      def self.empty_binding
        binding
      end
    end

    # Renders the monit file and every template of one job for one instance, reporting to a Java sink: each
    # rendered file, or each failure with its template and line. Failures are collected, as BOSH does, so that one
    # deploy shows every broken template at once.
    module JobRenderer
      def self.render(input_json, sink)
        input = JSON.parse(input_json)
        job = input['job']
        render_one(job, 'monit', input['monit'], input, sink) { |text| sink.monit(text) }
        input['templates'].each do |template|
          render_one(job, template['src'], template['text'], input, sink) { |text| sink.file(template['dest'], text) }
        end
      end

      def self.render_one(job, src, text, input, sink)
        filename = "#{job}/#{src}"
        sink.rendering(src)
        # Each template gets its own copy of the data, so one template's mutations cannot leak into the next.
        spec, links = Marshal.load(Marshal.dump([input['spec'], input['links']]))
        compiled = CompiledTemplates.fetch(filename, text)
        yield EvaluationContext.new(spec, links).instance_exec(&compiled)
      rescue Exception => e # rubocop:disable Lint/RescueException -- a template may raise anything, even SyntaxError
        sink.error(src, line_of(e, filename), message_of(e, filename))
      end

      # A SyntaxError names the line in its message; other errors in the backtrace, innermost frame first.
      def self.line_of(error, filename)
        pattern = /#{Regexp.escape(filename)}:(\d+)/
        [error.message, *error.backtrace].each do |entry|
          match = pattern.match(entry.to_s)
          return match[1].to_i if match
        end
        0
      end

      # The message without the "job/template:line:" prefix that a SyntaxError carries, since the line is reported.
      def self.message_of(error, filename)
        error.message.to_s.sub(/\A#{Regexp.escape(filename)}:\d+:\s*/, '').strip
      end
    end
  end
end
